package se.municipality.eops.publication.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.publication.catalogue.PublicationScenario.newEServiceId;
import static se.municipality.eops.publication.catalogue.PublicationScenario.newReviewer;
import static se.municipality.eops.publication.catalogue.PublicationScenario.publish;
import static se.municipality.eops.publication.catalogue.PublicationScenario.token;
import static se.municipality.eops.publication.catalogue.PublicationScenario.withdrawal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.contract.publication.EServicePublished;
import se.municipality.eops.contract.publication.ReviewApproved;
import se.municipality.eops.contract.publication.ReviewRequested;
import se.municipality.eops.contract.purge.CasesPurged;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.publication.catalogue.PublicationScenario.Reviewer;
import se.municipality.eops.publication.catalogue.application.PublicationFollowUp;
import se.municipality.eops.publication.catalogue.application.PublicationProperties;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.ServiceIntegrationTest;

/** A requester's withdrawal of a publication request ({@code RequestWithdrawn}) stops the work on it. */
@ServiceIntegrationTest
class WithdrawalIT {

    static final String INTAKE = PublicationFlowIT.INTAKE;
    static final String PURGES = PublicationFlowIT.PURGES;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PublicationFollowUp followUp;

    @Autowired
    PublicationProperties properties;

    PublicationScenario scenario;

    @BeforeEach
    void checklistInForce() {
        scenario = new PublicationScenario(port, mongo);
        scenario.publishTestChecklist();
    }

    @Test
    void aWithdrawalInReviewClosesTheReviewSoItLeavesTheListsAndADecisionIsRefused() {
        String eServiceId = newEServiceId();
        RequestSubmitted request = PublicationScenario.completeNewEService(eServiceId);
        publish(request);
        String reviewId = scenario.awaitPublicationEvent(ReviewRequested.class, request.requestId())
                .reviewId();
        Reviewer decided = newReviewer("rolf");
        Reviewer undecided = newReviewer("rut");
        assertThat(scenario.decide(reviewId, decided, "APPROVE", null, null).status())
                .isEqualTo(200);
        assertThat(scenario.http()
                        .get("/api/reviews?mine=false", decided.token())
                        .body())
                .contains(reviewId);
        assertThat(scenario.http()
                        .get("/api/reviews?mine=true", undecided.token())
                        .body())
                .contains(reviewId);
        RequestWithdrawn withdrawn = withdrawal(request);

        publish(withdrawn);
        scenario.awaitApplied(INTAKE, withdrawn.eventId());

        assertThat(scenario.http()
                        .get("/api/reviews?mine=false", decided.token())
                        .body())
                .doesNotContain(reviewId);
        assertThat(scenario.http()
                        .get("/api/reviews?mine=true", undecided.token())
                        .body())
                .doesNotContain(reviewId);
        assertThat(scenario.http().get("/api/reviews", undecided.token()).body())
                .doesNotContain(reviewId);
        HttpAnswer refused = scenario.decide(reviewId, undecided, "APPROVE", null, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("reviewId");
        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("review-closed");
        assertThat(refused.body()).contains("WITHDRAWN");
        HttpAnswer review = scenario.http().get("/api/reviews/" + reviewId, undecided.token());
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(review.json().get("decisions").size()).isEqualTo(1);
        var version = scenario.http()
                .get("/api/eservices/" + eServiceId, token("anna"))
                .json()
                .get("versions")
                .get(0);
        assertThat(version.get("status").asString()).isEqualTo("WITHDRAWN");
        // When the requester withdrew it, as stored (MongoDB keeps milliseconds).
        assertThat(Instant.parse(version.get("withdrawnAt").asString()))
                .isEqualTo(withdrawn.occurredAt().truncatedTo(ChronoUnit.MILLIS));
        assertThat(version.get("statusChangedAt").asString())
                .isEqualTo(version.get("withdrawnAt").asString());
        assertThat(scenario.http()
                        .get("/api/eservices?status=WITHDRAWN&q=" + eServiceId, token("anna"))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);

        // The reminder scan leaves a withdrawn review alone, however long it has waited.
        long versionAfterWithdrawal = scenario.storedVersion(eServiceId);
        followUp.remindOfWaitingReviews(
                Instant.now().plus(properties.remindAfter()).plus(Duration.ofDays(1)));
        assertThat(scenario.storedVersion(eServiceId)).isEqualTo(versionAfterWithdrawal);
        assertThat(scenario.publicationEvents("ReviewReminder", reviewId)).isEmpty();
    }

    @Test
    void aWithdrawalAfterApprovalMeansTheLaterPurgeConfirmationPublishesNothingAndNothingIsFlagged() {
        String eServiceId = newEServiceId();
        RequestSubmitted request = PublicationScenario.completeNewEService(eServiceId);
        publish(request);
        String reviewId = scenario.awaitPublicationEvent(ReviewRequested.class, request.requestId())
                .reviewId();
        assertThat(scenario.decide(reviewId, newReviewer("rolf"), "APPROVE", null, null)
                        .status())
                .isEqualTo(200);
        assertThat(scenario.decide(reviewId, newReviewer("rut"), "APPROVE", null, null)
                        .status())
                .isEqualTo(200);
        ReviewApproved approved = scenario.awaitPublicationEvent(ReviewApproved.class, reviewId);
        RequestWithdrawn withdrawn = withdrawal(request);

        publish(withdrawn);
        scenario.awaitApplied(INTAKE, withdrawn.eventId());

        var stored = scenario.http()
                .get("/api/eservices/" + eServiceId, token("anna"))
                .json();
        assertThat(stored.get("versions").get(0).get("status").asString()).isEqualTo("WITHDRAWN");
        long versionAfterWithdrawal = scenario.storedVersion(eServiceId);
        CasesPurged purged = PublicationFlowIT.testCasesPurged(approved, 1, true);
        publish(purged);
        scenario.awaitApplied(PURGES, purged.eventId());
        followUp.flagStalledPublications(
                Instant.now().plus(properties.stallAfter()).plus(Duration.ofHours(1)));

        assertThat(scenario.storedVersion(eServiceId)).isEqualTo(versionAfterWithdrawal);
        assertThat(scenario.publicationEvents("EServicePublished", reviewId)).isEmpty();
        assertThat(scenario.publicationEvents("PublicationStalled", reviewId)).isEmpty();
        assertThat(scenario.http()
                        .get("/api/publications/stalled", token("cecilia"))
                        .body())
                .doesNotContain(reviewId);
        var after = scenario.http()
                .get("/api/eservices/" + eServiceId, token("anna"))
                .json();
        assertThat(after.has("publishedVersion")).isFalse();
        assertThat(after.get("versions").get(0).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(after.get("versions").get(0).has("publishedAt")).isFalse();
    }

    @Test
    void withdrawingARequestCarriedOutAlreadyOrUnknownHereChangesNothing() {
        String eServiceId = newEServiceId();
        assertThat(scenario.register(eServiceId, "Felanmälan").status()).isEqualTo(201);
        RequestSubmitted newVersion = PublicationScenario.newVersion(eServiceId, "1.1");
        publish(newVersion);
        scenario.awaitPublicationEvent(EServicePublished.class, newVersion.requestId());
        long versionAfterPublication = scenario.storedVersion(eServiceId);
        RequestSubmitted unmatched = PublicationScenario.newVersion(newEServiceId(), "2.0");
        publish(unmatched);
        RequestSubmitted neverSeen = PublicationScenario.completeNewEService(eServiceId);

        RequestWithdrawn published = withdrawal(newVersion);
        RequestWithdrawn ofUnknownEService = withdrawal(unmatched);
        RequestWithdrawn ofUnknownRequest = withdrawal(neverSeen);
        publish(published);
        publish(ofUnknownEService);
        publish(ofUnknownRequest);
        scenario.awaitApplied(INTAKE, published.eventId());
        scenario.awaitApplied(INTAKE, ofUnknownEService.eventId());
        scenario.awaitApplied(INTAKE, ofUnknownRequest.eventId());

        assertThat(scenario.storedVersion(eServiceId)).isEqualTo(versionAfterPublication);
        var stored = scenario.http()
                .get("/api/eservices/" + eServiceId, token("anna"))
                .json();
        assertThat(stored.get("publishedVersion").get("label").asString()).isEqualTo("1.1");
        assertThat(stored.get("versions").get(1).get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(stored.get("versions").get(1).has("withdrawnAt")).isFalse();
        assertThat(scenario.http()
                        .get("/api/eservices/" + unmatched.publication().eServiceId(), token("anna"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRedeliveredOrRepublishedWithdrawalChangesNothing() {
        String eServiceId = newEServiceId();
        RequestSubmitted request = PublicationScenario.completeNewEService(eServiceId);
        publish(request);
        scenario.awaitPublicationEvent(ReviewRequested.class, request.requestId());
        RequestWithdrawn withdrawn = withdrawal(request);
        publish(withdrawn);
        scenario.awaitApplied(INTAKE, withdrawn.eventId());
        long versionAfterWithdrawal = scenario.storedVersion(eServiceId);
        String withdrawnAt = withdrawnAt(eServiceId);

        // The same record again, and the same withdrawal under a new event id (which the starter's record of
        // applied event ids cannot catch); both on the request's key, so applying the second means the first
        // was handled.
        publish(withdrawn);
        RequestWithdrawn republished = new RequestWithdrawn(
                UUID.randomUUID(),
                withdrawn.requestId(),
                Instant.now(),
                withdrawn.requester(),
                withdrawn.requestType(),
                withdrawn.eServiceId(),
                withdrawn.withdrawnBy(),
                withdrawn.reason());
        publish(republished);
        scenario.awaitApplied(INTAKE, republished.eventId());

        assertThat(scenario.storedVersion(eServiceId)).isEqualTo(versionAfterWithdrawal);
        assertThat(withdrawnAt(eServiceId)).isEqualTo(withdrawnAt);
    }

    @Test
    void aNewRequestForTheSameEServiceGoesToReviewAgainAfterAWithdrawal() {
        String eServiceId = newEServiceId();
        RequestSubmitted first = PublicationScenario.completeNewEService(eServiceId);
        publish(first);
        String firstReview = scenario.awaitPublicationEvent(ReviewRequested.class, first.requestId())
                .reviewId();
        RequestWithdrawn withdrawn = withdrawal(first);
        publish(withdrawn);
        scenario.awaitApplied(INTAKE, withdrawn.eventId());
        RequestSubmitted second = PublicationScenario.completeNewEService(eServiceId);

        publish(second);

        ReviewRequested again = scenario.awaitPublicationEvent(ReviewRequested.class, second.requestId());
        assertThat(again.reviewId()).isNotEqualTo(firstReview);
        assertThat(scenario.publicationEvents("PublicationBlocked", second.requestId()))
                .isEmpty();
        var versions = scenario.http()
                .get("/api/eservices/" + eServiceId, token("anna"))
                .json()
                .get("versions");
        assertThat(versions.get(0).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(versions.get(1).get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(versions.get(1).get("reviewId").asString()).isEqualTo(again.reviewId());
        Reviewer reviewer = newReviewer("rolf");
        String waiting = scenario.http().get("/api/reviews", reviewer.token()).body();
        assertThat(waiting).contains(again.reviewId()).doesNotContain(firstReview);
        assertThat(scenario.decide(again.reviewId(), reviewer, "APPROVE", null, null)
                        .status())
                .isEqualTo(200);
    }

    private String withdrawnAt(String eServiceId) {
        return scenario.http()
                .get("/api/eservices/" + eServiceId, token("anna"))
                .json()
                .get("versions")
                .get(0)
                .get("withdrawnAt")
                .asString();
    }
}
