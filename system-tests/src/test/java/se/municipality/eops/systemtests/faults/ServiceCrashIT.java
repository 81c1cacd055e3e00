package se.municipality.eops.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.systemtests.Service;
import se.municipality.eops.systemtests.Suite;
import se.municipality.eops.systemtests.SystemTest;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} of each service in turn while flows are on their way, then a restart: every flow that was in
 * progress finishes, nothing is lost and nothing happens twice.
 */
@SystemTest
class ServiceCrashIT {

    /** Due cases of the retention purge killed while it executes: 30 batches of 100 (the suite's batch size). */
    private static final int DUE_CASES = 3000;

    private final Suite suite = Suite.get();
    private final FaultFlows flows = new FaultFlows(suite);

    @Test
    void flowsInProgressFinishOnceWhenEachServiceIsKilledInTurnAndRestarted() {
        int mark = flows.mailMark();

        // request-service, right after it accepted a request: the request and its RequestSubmitted are in its
        // database, perhaps not yet on Kafka.
        NewEServiceFlow first =
                NewEServiceFlow.withCases(flows, "es-crash-request").file();
        suite.kill9(Service.REQUEST);
        suite.restart(Service.REQUEST);
        first.awaitReview();

        // publication-service, right after the quorum's approval: ReviewApproved is written, perhaps not published;
        // meanwhile a second e-service is filed, which it reads when it is back.
        first.approve();
        suite.kill9(Service.PUBLICATION);
        NewEServiceFlow second =
                NewEServiceFlow.withCases(flows, "es-crash-publication").file();
        suite.restart(Service.PUBLICATION);
        second.awaitReview();

        // purge-service, as soon as ReviewApproved is on its topic: in the middle of purging the test cases.
        second.approve();
        suite.events()
                .awaitOne(
                        Topics.PUBLICATION_EVENTS,
                        "ReviewApproved",
                        event -> second.eServiceId.equals(FaultFlows.field(event, "eServiceId")),
                        FaultFlows.FLOW);
        suite.kill9(Service.PURGE);
        suite.restart(Service.PURGE);

        // notification-service, right after a filing: the receipts are being recorded and sent.
        NewEServiceFlow third =
                NewEServiceFlow.withCases(flows, "es-crash-notification").file();
        suite.kill9(Service.NOTIFICATION);
        suite.restart(Service.NOTIFICATION);

        // permission-service, right after an administrator grant was filed (flow 4), while the third e-service is
        // approved.
        AdministratorGrantFlow grant = AdministratorGrantFlow.file(flows, "crash-permission");
        third.awaitReview().approve();
        suite.kill9(Service.PERMISSION);
        suite.restart(Service.PERMISSION);
        grant.awaitTraining().recordTraining();

        List<FaultFlows.ExpectedMails> mails = new ArrayList<>();
        for (NewEServiceFlow flow : List.of(first, second, third)) {
            flow.assertCompletedOnce();
            mails.addAll(flow.expectedMails());
        }
        grant.assertCompletedOnce();
        mails.addAll(grant.expectedMails());
        flows.awaitMails(mails);
        flows.assertNoMailTwiceSince(mark);
    }

    @Test
    void aRetentionPurgeKilledWhileItExecutesResumesAfterTheRestartAndPurgesEveryDueCaseOnce() {
        RetentionPurgeFlow purge = RetentionPurgeFlow.planned(suite, flows, "es-crash-retention", DUE_CASES)
                .approveOn(suite.service(Service.PURGE));

        JsonNode executing = await("a batch of " + purge.planId + " done, not all")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> flows.purge(purge.planId), seen -> {
                    assertThat(seen.get("status").asString())
                            .as("the purge ended before it could be killed: seed more cases")
                            .isEqualTo("EXECUTING");
                    return seen.get("purgedCount").asLong() > 0;
                });
        suite.kill9(Service.PURGE);
        Document stored = purge.stored();
        assertThat(stored.getString("status")).as("killed while executing").isEqualTo("EXECUTING");
        assertThat(((Number) stored.get("purgedCount")).longValue())
                .as("killed in the middle (%s purged when seen executing)", executing.get("purgedCount"))
                .isLessThan(purge.toPurge.size());
        suite.restart(Service.PURGE);

        purge.assertPurgedOnce();
    }
}
