package se.municipality.eops.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.permission.PermissionRequests.uniqueEService;
import static se.municipality.eops.permission.PermissionRequests.uniqueUser;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.permission.grant.application.GrantExpiry;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.GrantStatus;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.grant.domain.HistoryEntry;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

/** Time-bounded grants warn {@code warn-before} (14 days) ahead and expire at their end, on their own. */
@ServiceIntegrationTest
class ExpiryIT {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    Grants grants;

    @Autowired
    GrantExpiry expiry;

    @Autowired
    PermissionJobs jobs;

    final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();
    final PublishedEvents events = PublishedEvents.get();

    @Test
    void aTimeBoundGrantIsWarnedOnceAndExpiresAtItsEnd() {
        String user = uniqueUser("wilma");
        String eServiceId = uniqueEService();
        Instant end = clock.instant().plus(Duration.ofDays(20));
        Grant grant = GrantFixtures.store(grants, PermissionRole.EDITOR, eServiceId, user, clock.instant(), end);

        jobs.run(); // the scheduled job itself, through its lock
        assertThat(status(grant)).as("20 days left: no warning yet").isEqualTo(GrantStatus.ACTIVE);

        clock.advance(Duration.ofDays(7));
        jobs.run();

        CapturedEvent warning = events.awaitOne(
                Topics.PERMISSION_EVENTS, "PermissionExpiring", e -> grant.id().equals(e.key()));
        assertThat(warning.payloadContains("\"validUntil\":\"" + end + "\"")).isTrue();
        assertThat(status(grant)).isEqualTo(GrantStatus.EXPIRING);
        assertThat(may(user, eServiceId)).as("still valid while it is expiring").isTrue();

        expiry.runOnce();
        expiry.runOnce();
        assertThat(history(grant).stream().filter(entry -> entry.status() == GrantStatus.EXPIRING))
                .as("warned once")
                .hasSize(1);

        clock.advance(Duration.ofDays(12).plusHours(23));
        expiry.runOnce();
        assertThat(status(grant)).as("an hour left").isEqualTo(GrantStatus.EXPIRING);

        clock.advance(Duration.ofHours(1));
        assertThat(may(user, eServiceId))
                .as("no longer valid at its end, whether the job ran or not")
                .isFalse();
        GrantExpiry.Run run = expiry.runOnce();

        assertThat(run.expired()).isGreaterThanOrEqualTo(1);
        CapturedEvent expired = events.awaitOne(
                Topics.PERMISSION_EVENTS, "PermissionExpired", e -> grant.id().equals(e.key()));
        assertThat(expired.payloadContains("\"personId\":\"" + user + "\"")).isTrue();
        assertThat(status(grant)).isEqualTo(GrantStatus.EXPIRED);
        expiry.runOnce();
        assertThat(history(grant).stream().filter(entry -> entry.status() == GrantStatus.EXPIRED))
                .hasSize(1);
    }

    @Test
    void aGrantWithoutEndNeverExpires() {
        String user = uniqueUser("xena");
        String eServiceId = uniqueEService();
        Grant grant = GrantFixtures.store(grants, PermissionRole.CASE_HANDLER, eServiceId, user, clock.instant(), null);

        clock.advance(Duration.ofDays(400));
        expiry.runOnce();

        assertThat(status(grant)).isEqualTo(GrantStatus.ACTIVE);
        assertThat(may(user, eServiceId)).isTrue();
    }

    private GrantStatus status(Grant grant) {
        return grants.findById(grant.id()).orElseThrow().status();
    }

    private java.util.List<HistoryEntry> history(Grant grant) {
        return grants.findById(grant.id()).orElseThrow().history();
    }

    private boolean may(String user, String eServiceId) {
        String role = grants.ofPerson(user).get(0).role().name();
        return TestHttp.at(port)
                .get(
                        "/api/permissions/check?personId=" + user + "&role=" + role + "&eServiceId=" + eServiceId,
                        tokens.tokenFor("nils"))
                .json()
                .get("allowed")
                .asBoolean();
    }
}
