package se.municipality.eops.systemtests.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.systemtests.Service;
import se.municipality.eops.systemtests.ServiceProcess;
import se.municipality.eops.systemtests.Suite;
import se.municipality.eops.systemtests.SystemTest;

/**
 * Three replicas of notification-service and two of purge-service at once, as operations scale them: same
 * database, same consumer groups, the scheduled jobs on all. Each job runs on one replica at a time and what it
 * does happens once: no mail and no purge twice.
 */
@SystemTest
class ReplicasIT {

    /** Due cases of the purge the two replicas share: many batches of 100 (the suite's batch size). */
    private static final int DUE_CASES = 3000;

    private final Suite suite = Suite.get();
    private final FaultFlows flows = new FaultFlows(suite);

    @Test
    void withTwoReplicasEveryMailIsSentOnceAndEveryCaseIsPurgedOnce() {
        int mark = flows.mailMark();
        List<ServiceProcess> replicas = new java.util.concurrent.CopyOnWriteArrayList<>();
        // Two more notification-services sweep every 200 ms and close their breaker 500 ms after the mail server is
        // back, so that their sweeps run at the same time over the same pending mails (the first replica's sweep
        // runs every 5 s and its breaker stays open for 30 s: alone beside it, a second replica's sweep hardly ever
        // meets it). Only the sweep's lock and each mail's claim keep a mail from going out twice.
        Map<String, String> eagerSweep = Map.of(
                "EOPS_NOTIFICATIONS_SWEEPINTERVAL", "200ms",
                "EOPS_NOTIFICATIONS_RESILIENCE_BREAKEROPENFOR", "500ms");
        // The second purge-service looks for executing purges to resume every second (the first one every minute,
        // its default), so that its maintenance job takes up the purge the first one is executing.
        FaultFlows.inParallel(List.of(
                () -> replicas.add(suite.startSecondReplica(Service.NOTIFICATION, eagerSweep)),
                () -> replicas.add(suite.startSecondReplica(Service.NOTIFICATION, eagerSweep)),
                () -> replicas.add(
                        suite.startSecondReplica(Service.PURGE, Map.of("EOPS_PURGE_MAINTENANCE_INTERVAL", "1s")))));
        try {
            // Mails wait while the mail server is away, so that the replicas' sweeps go for the same pending ones.
            List<NewEServiceFlow> filed = new ArrayList<>();
            AdministratorGrantFlow grant;
            suite.stopSmtp();
            try {
                for (int i = 0; i < 6; i++) {
                    String eServiceId = FaultFlows.unique("es-replicas");
                    filed.add(NewEServiceFlow.filed(flows, eServiceId, flows.fileNewEService(eServiceId)));
                }
                grant = AdministratorGrantFlow.file(flows, "replicas")
                        .awaitTraining()
                        .recordTraining();
                flows.groups().awaitRead("notification-service", Topics.REQUEST_EVENTS, FaultFlows.FLOW);
                flows.groups().awaitRead("notification-service", Topics.PERMISSION_EVENTS, FaultFlows.FLOW);
            } finally {
                suite.startSmtp();
            }
            RetentionPurgeFlow purge = RetentionPurgeFlow.planned(suite, flows, "es-replicas-retention", DUE_CASES)
                    .approveOn(suite.service(Service.PURGE));
            filed.forEach(flow -> flow.awaitReview().approve());

            purge.assertPurgedOnce();
            List<FaultFlows.ExpectedMails> mails = new ArrayList<>();
            for (NewEServiceFlow flow : filed) {
                flow.assertCompletedOnce();
                mails.addAll(flow.expectedMails());
            }
            grant.assertCompletedOnce();
            mails.addAll(grant.expectedMails());
            mails.add(new FaultFlows.ExpectedMails(FaultFlows.ARCHIVISTS, purge.planId, 1));
            flows.awaitMails(mails);
            flows.assertNoMailTwiceSince(mark);
        } finally {
            FaultFlows.inParallel(
                    replicas.stream().map(replica -> (Runnable) replica::stop).toList());
        }
    }
}
