package se.municipality.eops.request.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.PurgeRequest.PurgeKind;
import se.municipality.eops.contract.request.RequestCompleted;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.contract.request.RequesterRole;
import se.municipality.eops.contract.samples.PurgeMother;
import se.municipality.eops.request.filing.domain.Milestone;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.RequestStatus;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.filing.domain.TimelineEntry;

/** A RETENTION request answered by a purge per rule: done when all are, in whatever order their events come. */
class RetentionPurgesTest {

    static final Requester ANNA = new Requester(
            "anna", "Anna Andersson", "anna.andersson@kommun.example", RequesterRole.ESERVICE_ADMINISTRATOR);
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static final String ID = "REQ-7";
    static final List<String> PLANS = PurgeMother.twoRequestPlans(ID);

    @Test
    void everyOrderOfTheTwoPlansEventsCompletesTheRequestOnceAfterTheLastPurgeNeverGoingBack() {
        List<DomainEvent> first = planEvents("rule-1", 1000);
        List<DomainEvent> second = planEvents("rule-2", 234);
        List<List<DomainEvent>> orders = interleavings(first, second);
        assertThat(orders).hasSize(20);

        for (List<DomainEvent> order : orders) {
            ServiceRequest request = retentionRequest();
            List<RequestStatus> statuses = new ArrayList<>();
            for (DomainEvent event : order.subList(0, order.size() - 1)) {
                follow(request, event);
                statuses.add(request.status());
                assertThat(request.status()).as("before the last purge is done").isNotEqualTo(RequestStatus.COMPLETED);
            }
            follow(request, order.get(order.size() - 1));
            statuses.add(request.status());

            assertThat(request.status()).isEqualTo(RequestStatus.COMPLETED);
            assertThat(request.lifecycle().outcome()).isEqualTo("1,234 cases purged under 2 rules, 2 held back");
            assertThat(request.newEvents().stream().filter(RequestCompleted.class::isInstance))
                    .hasSize(1);
            assertThat(statuses.stream().map(RetentionPurgesTest::rank).toList())
                    .as("never backwards: %s", statuses)
                    .isSorted();
            assertThat(request.timeline())
                    .filteredOn(entry -> entry.kind() == TimelineEntry.Kind.PURGE_PROGRESS)
                    .anySatisfy(entry -> assertThat(entry.note()).contains("is done"));
        }
    }

    @Test
    void withOnePlanStillWaitingTheRequestWaitsForApprovalEvenAfterTheOtherIsDone() {
        ServiceRequest request = retentionRequest();
        planEvents("rule-1", 1000).forEach(event -> follow(request, event));
        follow(request, PurgeMother.planCreatedOnRequest(ID, "rule-2", PLANS));

        assertThat(request.status()).isEqualTo(RequestStatus.WAITING_FOR_PURGE_APPROVAL);
        assertThat(request.timeline()).last().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(TimelineEntry.Kind.PURGE_PROGRESS);
            assertThat(entry.note()).contains(PLANS.get(1), "rule-2", "1 of the request's 2 purge plans waits");
        });
        assertThat(request.timeline())
                .filteredOn(entry -> entry.kind() == TimelineEntry.Kind.PURGE_PROGRESS)
                .anySatisfy(entry -> assertThat(entry.note())
                        .contains("1,000 cases purged, 1 held back", "1 of the request's 2 purges is done"));
    }

    @Test
    void aPlanThatExpiresFailsTheRequestNamingItsRuleAndWhatTheOtherPurgeDid() {
        ServiceRequest request = retentionRequest();
        planEvents("rule-1", 1000).forEach(event -> follow(request, event));

        follow(request, PurgeMother.planExpired(ID, "rule-2", PLANS));

        assertThat(request.status()).isEqualTo(RequestStatus.FAILED);
        assertThat(request.failure().orElseThrow().reason())
                .contains(PLANS.get(1), "under rule rule-2", "expired")
                .contains("1 of the request's 2 purges was done by then: 1,000 cases purged");
    }

    @Test
    void anEventRepeatedOrLateOnlyLeavesALateEntry() {
        ServiceRequest request = retentionRequest();
        follow(request, PurgeMother.planCreatedOnRequest(ID, "rule-1", PLANS));
        follow(request, PurgeMother.planApproved(ID, "rule-1", PLANS));
        int entries = request.timeline().size();

        follow(request, PurgeMother.planCreatedOnRequest(ID, "rule-1", PLANS));
        follow(request, PurgeMother.planApproved(ID, "rule-1", PLANS));

        assertThat(request.timeline().subList(entries, entries + 2))
                .extracting(TimelineEntry::kind)
                .containsOnly(TimelineEntry.Kind.LATE_EVENT);
        assertThat(request.status()).isEqualTo(RequestStatus.WAITING_FOR_PURGE_APPROVAL);
    }

    @Test
    void aPurgeEventWithoutTheListAnswersTheRequestAloneAsBefore() {
        DownstreamMove move = DownstreamEvents.moveFor(PurgeMother.retentionCompleted(ID, "rule-1", 1002, null))
                .orElseThrow();

        assertThat(move.purgeReport()).isNull();
        assertThat(move.transition().milestone()).isEqualTo(Milestone.COMPLETED);
        assertThat(move.transition().outcome()).isEqualTo("1,002 cases purged, 1 held back");
    }

    private static List<DomainEvent> planEvents(String ruleId, long purged) {
        return List.of(
                PurgeMother.planCreatedOnRequest(ID, ruleId, PLANS),
                PurgeMother.planApproved(ID, ruleId, PLANS),
                PurgeMother.retentionCompleted(ID, ruleId, purged, PLANS));
    }

    /** Every order of two plans' events that keeps each plan's own order (one key, one partition). */
    private static List<List<DomainEvent>> interleavings(List<DomainEvent> a, List<DomainEvent> b) {
        if (a.isEmpty() || b.isEmpty()) {
            List<DomainEvent> rest = new ArrayList<>(a);
            rest.addAll(b);
            return List.of(rest);
        }
        List<List<DomainEvent>> all = new ArrayList<>();
        for (List<DomainEvent> tail : interleavings(a.subList(1, a.size()), b)) {
            List<DomainEvent> order = new ArrayList<>(List.of(a.get(0)));
            order.addAll(tail);
            all.add(order);
        }
        for (List<DomainEvent> tail : interleavings(a, b.subList(1, b.size()))) {
            List<DomainEvent> order = new ArrayList<>(List.of(b.get(0)));
            order.addAll(tail);
            all.add(order);
        }
        return all;
    }

    private static void follow(ServiceRequest request, DomainEvent event) {
        DownstreamMove move = DownstreamEvents.moveFor(event).orElseThrow();
        if (move.purgeReport() != null) {
            RetentionPurges.follow(request, move, T0);
        } else {
            request.move(move.transition(), T0);
        }
    }

    private static ServiceRequest retentionRequest() {
        return ServiceRequest.file(
                ID,
                ANNA,
                RequestDetails.purge(new PurgeRequest(
                        PurgeKind.RETENTION, "es-1", "Skolskjuts", "Barn- och utbildningsnämnden", "BUN 1", null)),
                T0);
    }

    private static int rank(RequestStatus status) {
        return switch (status) {
            case SUBMITTED -> 0;
            case IN_PROGRESS -> 3;
            case WAITING_FOR_REVIEW, WAITING_FOR_TRAINING, WAITING_FOR_PURGE_APPROVAL -> 2;
            case COMPLETED, REJECTED, WITHDRAWN, FAILED -> 4;
        };
    }
}
