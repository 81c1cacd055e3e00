package se.municipality.eops.permission.review;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.permission.PermissionRequests.uniqueEService;
import static se.municipality.eops.permission.PermissionRequests.uniqueUser;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.permission.GrantFixtures;
import se.municipality.eops.permission.grant.application.PermissionProperties;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.GrantStatus;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.review.application.AccessReviewCycle;
import se.municipality.eops.permission.review.domain.AccessReview;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

@ServiceIntegrationTest
class AccessReviewIT {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    Grants grants;

    @Autowired
    AccessReviewCycle cycle;

    @Autowired
    PermissionProperties properties;

    final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();
    final PublishedEvents events = PublishedEvents.get();

    @Test
    void administratorsConfirmOrRevokeTheGrantsOfTheirEServiceAndEachDecisionIsRecorded() {
        String eServiceId = uniqueEService();
        String administrator = uniqueUser("adm");
        Grant adminGrant = store(PermissionRole.ADMINISTRATOR, eServiceId, administrator);
        Grant editor = store(PermissionRole.EDITOR, eServiceId, uniqueUser("ed"));
        Grant handler = store(PermissionRole.CASE_HANDLER, eServiceId, uniqueUser("ha"));
        String reviewId = AccessReview.idFor(
                eServiceId, clock.instant(), properties.accessReview().cycle());

        cycle.runOnce();

        CapturedEvent started =
                events.awaitOne(Topics.PERMISSION_EVENTS, "AccessReviewStarted", e -> reviewId.equals(e.key()));
        assertThat(started.payloadContains(editor.id())).isTrue();
        assertThat(started.payloadContains(handler.id())).isTrue();
        assertThat(started.payloadContains(adminGrant.id()))
                .as("administrators are the reviewers")
                .isFalse();
        assertThat(started.payloadContains("\"reviewers\":[{\"personId\":\"" + administrator + "\""))
                .isTrue();
        cycle.runOnce();
        assertThat(events.find(Topics.PERMISSION_EVENTS, "AccessReviewStarted", e -> reviewId.equals(e.key())))
                .as("one review per e-service and cycle")
                .hasSize(1);

        assertThat(decide(reviewId, editor.id(), "CONFIRMED", tokens.tokenFor("nils"))
                        .status())
                .as("not an administrator of the e-service")
                .isEqualTo(403);
        HttpAnswer notOnTheList = decide(reviewId, "grant-not-in-it", "CONFIRMED", tokenOf(administrator));
        assertThat(notOnTheList.status()).isEqualTo(400);
        assertThat(notOnTheList.json().at("/errors/0/field").asString()).isEqualTo("grantId");
        assertThat(notOnTheList.json().at("/errors/0/code").asString()).isEqualTo("not-in-review");
        HttpAnswer confirmed = decide(reviewId, editor.id(), "CONFIRMED", tokenOf(administrator));
        HttpAnswer confirmedAgain = decide(reviewId, editor.id(), "REVOKED", tokenOf(administrator));
        HttpAnswer revoked = decide(reviewId, handler.id(), "REVOKED", tokenOf(administrator));
        HttpAnswer twice = decide(reviewId, handler.id(), "CONFIRMED", tokenOf(administrator));

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(confirmedAgain.status()).isEqualTo(409);
        assertThat(confirmedAgain.json().at("/errors/0/code").asString()).isEqualTo("decided-already");
        assertThat(confirmedAgain.json().at("/errors/0/params/decision").asString())
                .isEqualTo("CONFIRMED");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().at("/errors/0/code").asString()).isEqualTo("review-closed");
        assertThat(twice.json().at("/errors/0/params/status").asString()).isEqualTo("COMPLETED");
        events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "AccessReviewDecided",
                e -> reviewId.equals(e.key()) && e.payloadContains(editor.id()) && e.payloadContains("CONFIRMED"));
        events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "AccessReviewDecided",
                e -> reviewId.equals(e.key()) && e.payloadContains(handler.id()) && e.payloadContains("REVOKED"));
        CapturedEvent revocation = events.awaitOne(
                Topics.PERMISSION_EVENTS, "PermissionRevoked", e -> handler.id().equals(e.key()));
        assertThat(revocation.payloadContains("\"cause\":\"ACCESS_REVIEW\"")).isTrue();
        assertThat(revocation.payloadContains("\"decidedBy\":\"" + administrator + "\""))
                .isTrue();
        assertThat(grants.findById(editor.id()).orElseThrow().status()).isEqualTo(GrantStatus.ACTIVE);
        assertThat(grants.findById(handler.id()).orElseThrow().status()).isEqualTo(GrantStatus.REVOKED);
        assertThat(cycle.get(reviewId).item(editor.id()).orElseThrow().decidedBy())
                .isEqualTo(administrator);
    }

    @Test
    void grantsLeftUndecidedAfterTheDeadlineAreFlaggedToTheCentralTeam() {
        String eServiceId = uniqueEService();
        String administrator = uniqueUser("adm");
        store(PermissionRole.ADMINISTRATOR, eServiceId, administrator);
        Grant decided = store(PermissionRole.EDITOR, eServiceId, uniqueUser("ed"));
        Grant forgotten = store(PermissionRole.CASE_HANDLER, eServiceId, uniqueUser("ha"));
        String reviewId = AccessReview.idFor(
                eServiceId, clock.instant(), properties.accessReview().cycle());
        cycle.runOnce();
        events.awaitOne(Topics.PERMISSION_EVENTS, "AccessReviewStarted", e -> reviewId.equals(e.key()));
        assertThat(decide(reviewId, decided.id(), "CONFIRMED", tokenOf(administrator))
                        .status())
                .isEqualTo(200);

        clock.advance(properties.accessReview().answerWithin().minus(Duration.ofMinutes(1)));
        cycle.runOnce();
        assertThat(cycle.get(reviewId).status()).as("before the deadline").isEqualTo(AccessReview.ReviewStatus.OPEN);

        clock.advance(Duration.ofMinutes(1));
        cycle.runOnce();

        CapturedEvent overdue =
                events.awaitOne(Topics.PERMISSION_EVENTS, "AccessReviewOverdue", e -> reviewId.equals(e.key()));
        assertThat(overdue.payloadContains(forgotten.id())).isTrue();
        assertThat(overdue.payloadContains(decided.id())).isFalse();
        assertThat(overdue.payloadContains("\"autoRevoked\":false")).isTrue();
        assertThat(cycle.get(reviewId).status()).isEqualTo(AccessReview.ReviewStatus.OVERDUE);
        assertThat(grants.findById(forgotten.id()).orElseThrow().status())
                .as("only flagged: revoke-when-overdue is off by default")
                .isEqualTo(GrantStatus.ACTIVE);
        cycle.runOnce();
        assertThat(events.find(Topics.PERMISSION_EVENTS, "AccessReviewOverdue", e -> reviewId.equals(e.key())))
                .hasSize(1);
    }

    @Test
    void aDecisionIsRefusedWithEveryFieldItMustCorrectAtOnce() {
        HttpAnswer refused = TestHttp.at(port)
                .post(
                        "/api/access-reviews/review-unknown/decisions",
                        tokens.tokenFor("cecilia"),
                        "{\"comment\":\"" + "x".repeat(4_001) + "\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(error -> error.get("field").asString() + " "
                                + error.get("code").asString()))
                .containsExactly("grantId required", "decision required", "comment too-long");
    }

    private Grant store(PermissionRole role, String eServiceId, String user) {
        return GrantFixtures.store(grants, role, eServiceId, user, clock.instant(), null);
    }

    private HttpAnswer decide(String reviewId, String grantId, String decision, String token) {
        return TestHttp.at(port)
                .post(
                        "/api/access-reviews/" + reviewId + "/decisions",
                        token,
                        "{\"grantId\":\"" + grantId + "\",\"decision\":\"" + decision + "\"}");
    }

    private String tokenOf(String administrator) {
        return tokens.tokenFor(
                administrator,
                "Admin " + administrator,
                administrator + "@kommun.example",
                List.of("ESERVICE_ADMINISTRATOR"));
    }
}
