package se.municipality.eops.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.systemtests.Service;
import se.municipality.eops.systemtests.Suite;
import se.municipality.eops.systemtests.SystemTest;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;

/**
 * Every event of every topic delivered a second time: the services are stopped, every consumer group is moved back
 * to the beginning of every topic it reads, and the services are started again, so each reads everything the suite
 * ever published (this test's flows and every earlier test's) once more. Nothing changes and nothing is sent again:
 * no second mail, grant, publication, purge or purge-log entry, no event that only a first delivery causes.
 */
@SystemTest
class RedeliveryIT {

    /** Events that only a first delivery of what causes them may publish. */
    private static final Set<String> EFFECTS = Set.of(
            "RequestStatusChanged",
            "RequestCompleted",
            "RequestRejected",
            "ReviewRequested",
            "ReviewApproved",
            "PublicationBlocked",
            "EServicePublished",
            "PermissionAwaitingTraining",
            "PermissionGranted",
            "PermissionRequestRefused",
            "HandlerGroupChanged",
            "CasesPurged",
            "PurgePlanCreated",
            "PurgeCompleted",
            "PurgeFailed",
            "NotificationSent",
            "NotificationFailed");

    private final Suite suite = Suite.get();
    private final FaultFlows flows = new FaultFlows(suite);

    @Test
    void everyEventDeliveredTwiceChangesNothingAndSendsNothingAgain() {
        int mark = flows.mailMark();
        // This test's own flows, finished before the replay: a publication, a grant and a retention purge.
        NewEServiceFlow published = NewEServiceFlow.withCases(flows, "es-twice")
                .file()
                .awaitReview()
                .approve();
        AdministratorGrantFlow grant =
                AdministratorGrantFlow.file(flows, "twice").awaitTraining().recordTraining();
        RetentionPurgeFlow purge = RetentionPurgeFlow.planned(suite, flows, "es-twice-retention", 5)
                .approveOn(suite.service(Service.PURGE));
        purge.assertPurgedOnce();
        published.assertCompletedOnce();
        grant.assertCompletedOnce();
        List<FaultFlows.ExpectedMails> mails = new ArrayList<>(published.expectedMails());
        mails.addAll(grant.expectedMails());
        mails.add(new FaultFlows.ExpectedMails(FaultFlows.ARCHIVISTS, purge.planId, 1));
        flows.awaitMails(mails);
        ConsumerGroups groups = flows.groups();
        groups.awaitEverythingRead(FaultFlows.FLOW);
        Set<String> before = eventIds();
        int mailsBefore = suite.mail().all().size();
        int purgeLogBefore = purgeLogSize();

        everyService(service -> suite.service(service).stop());
        for (String group : ConsumerGroups.BINDINGS.keySet()) {
            groups.awaitEmpty(group, Duration.ofSeconds(60));
            groups.resetToBeginning(group);
        }
        everyService(suite::restart);
        groups.awaitEverythingRead(Duration.ofMinutes(4));

        await("nothing new after the second delivery")
                .atMost(Duration.ofSeconds(30))
                .during(Duration.ofSeconds(5))
                .until(() -> newEffects(before).isEmpty() && suite.mail().all().size() == mailsBefore);
        assertThat(newEffects(before)).isEmpty();
        assertThat(suite.mail().all()).hasSize(mailsBefore);
        flows.assertNoMailTwiceSince(mark);
        assertThat(purgeLogSize()).isEqualTo(purgeLogBefore);
        purge.assertPurgedOnce();
        published.assertCompletedOnce();
        grant.assertCompletedOnce();
    }

    private Set<String> eventIds() {
        Set<String> ids = new HashSet<>();
        suite.events().all().stream()
                .filter(event -> event.topic().startsWith("eops."))
                .forEach(event -> ids.add(event.id()));
        return ids;
    }

    private List<String> newEffects(Set<String> before) {
        return suite.events().all().stream()
                .filter(event ->
                        event.topic().startsWith("eops.") && !Topics.PLATFORM_CASE_EVENTS.equals(event.topic()))
                .filter(event -> event.type() != null && EFFECTS.contains(event.type()) && !before.contains(event.id()))
                .map(RedeliveryIT::describe)
                .toList();
    }

    private static String describe(CapturedEvent event) {
        return event.type() + " " + event.key() + " " + event.payload();
    }

    private int purgeLogSize() {
        return suite.http(Service.PURGE)
                .get("/api/purge-log", suite.token("arvid"))
                .json()
                .size();
    }

    /** Runs the action for the five services at once and waits for all of them. */
    private static void everyService(java.util.function.Consumer<Service> action) {
        FaultFlows.inParallel(java.util.Arrays.stream(Service.values())
                .map(service -> (Runnable) () -> action.accept(service))
                .toList());
    }
}
