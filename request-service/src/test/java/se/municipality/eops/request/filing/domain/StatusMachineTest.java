package se.municipality.eops.request.filing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.request.MissingItem;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PublicationRequest.PublicationKind;
import se.municipality.eops.contract.request.RequestCommented;
import se.municipality.eops.contract.request.RequestCompleted;
import se.municipality.eops.contract.request.RequestOverdue;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestStatusChanged;
import se.municipality.eops.contract.request.RequestStatusCode;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.contract.request.RequesterRole;

/** The status machine's ranking: forward only, terminal is final, late events leave a mark and nothing else. */
class StatusMachineTest {

    static final Requester ANNA = new Requester(
            "anna", "Anna Andersson", "anna.andersson@kommun.example", RequesterRole.ESERVICE_ADMINISTRATOR);
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    final ServiceRequest request = ServiceRequest.file(
            "REQ-1",
            ANNA,
            RequestDetails.publication(new PublicationRequest(
                    PublicationKind.NEW_VERSION, "es-1", "Parkering", "2.0", null, null, null, null)),
            T0);

    @Test
    void movesForwardThroughReviewApprovalAndPublication() {
        assertThat(request.move(to(Milestone.WAITING_FOR_REVIEW), T0.plusSeconds(1)))
                .isEqualTo(ServiceRequest.Moved.YES);
        assertThat(request.move(to(Milestone.APPROVED), T0.plusSeconds(2))).isEqualTo(ServiceRequest.Moved.YES);
        assertThat(request.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        request.move(
                Transition.completed("Published version 2.0", "publication-service", "EServicePublished", "e3"), T0);

        assertThat(request.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(request.timeline())
                .extracting(TimelineEntry::sequence, TimelineEntry::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, RequestStatus.SUBMITTED),
                        org.assertj.core.groups.Tuple.tuple(2, RequestStatus.WAITING_FOR_REVIEW),
                        org.assertj.core.groups.Tuple.tuple(3, RequestStatus.IN_PROGRESS),
                        org.assertj.core.groups.Tuple.tuple(4, RequestStatus.COMPLETED));
        List<DomainEvent> events = request.newEvents();
        assertThat(events.stream().filter(RequestStatusChanged.class::isInstance))
                .map(event -> ((RequestStatusChanged) event).toStatus())
                .containsExactly(
                        RequestStatusCode.WAITING_FOR_REVIEW,
                        RequestStatusCode.IN_PROGRESS,
                        RequestStatusCode.COMPLETED);
        assertThat(events).last().isInstanceOfSatisfying(RequestCompleted.class, completed -> {
            assertThat(completed.outcome()).isEqualTo("Published version 2.0");
            assertThat(completed.causeEventType()).isEqualTo("EServicePublished");
        });
    }

    @Test
    void anEarlierStageArrivingAfterALaterOneOnlyLeavesALateEntry() {
        request.move(Transition.completed("Published", "publication-service", "EServicePublished", "e1"), T0);
        int eventsBefore = request.newEvents().size();

        assertThat(request.move(to(Milestone.APPROVED), T0)).isEqualTo(ServiceRequest.Moved.LATE);
        assertThat(request.move(to(Milestone.WAITING_FOR_REVIEW), T0)).isEqualTo(ServiceRequest.Moved.LATE);

        assertThat(request.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(request.newEvents()).hasSize(eventsBefore);
        assertThat(request.timeline().subList(2, 4))
                .extracting(TimelineEntry::kind)
                .containsOnly(TimelineEntry.Kind.LATE_EVENT);
        assertThat(request.timeline().get(3).causeEventType()).isEqualTo("ReviewRequested");
    }

    @Test
    void aTerminalStatusIsFinalWhateverComesAfter() {
        request.move(Transition.failed("disk full", "purge-service", "PurgeFailed", "e1"), T0);

        assertThat(request.move(
                        Transition.completed("Published", "publication-service", "EServicePublished", "e2"), T0))
                .isEqualTo(ServiceRequest.Moved.LATE);
        assertThat(request.status()).isEqualTo(RequestStatus.FAILED);
        assertThatThrownBy(() -> request.withdraw("anna", null, T0)).isInstanceOf(RequestClosedException.class);
        assertThatThrownBy(() -> request.rejectByTeam("cecilia", "no", T0)).isInstanceOf(RequestClosedException.class);
    }

    @Test
    void aFailedRequestSaysWhyFromItsStatusChangeAndLaterEntriesDoNotReplaceIt() {
        assertThat(request.failure()).isEmpty();
        request.move(Transition.failed("disk full", "purge-service", "PurgeFailed", "e1"), T0.plusSeconds(5));
        request.move(Transition.completed("Published", "publication-service", "EServicePublished", "e2"), T0);
        request.comment("anna", RequestCommented.AuthorRole.REQUESTER, "Varför?", T0);

        assertThat(request.failure())
                .hasValue(new Failure(
                        Failure.ReasonCode.PURGE_FAILED,
                        "disk full",
                        "purge-service",
                        "PurgeFailed",
                        "e1",
                        T0.plusSeconds(5)));
        ServiceRequest unknownCause = ServiceRequest.restore(
                "REQ-2",
                ANNA,
                request.details(),
                T0,
                RequestStatus.FAILED,
                List.of(
                        new TimelineEntry(0, T0, null, RequestStatus.SUBMITTED, "anna", null, null, null, null),
                        new TimelineEntry(
                                0, T0, null, RequestStatus.FAILED, "x-service", "XFailed", "e9", "gone", null)),
                3L);
        assertThat(unknownCause.failure())
                .as("a request stored before, failed by an event of another type")
                .hasValueSatisfying(failure -> {
                    assertThat(failure.reasonCode()).isNull();
                    assertThat(failure.reason()).isEqualTo("gone");
                });
    }

    @Test
    void onlyAFailedRequestHasAFailure() {
        request.withdraw("anna", "wrong e-service", T0);

        assertThat(request.failure()).isEmpty();
    }

    @Test
    void waitingStatusesShareARankSoOneDoesNotReplaceAnother() {
        request.move(to(Milestone.WAITING_FOR_REVIEW), T0);

        assertThat(request.move(to(Milestone.WAITING_FOR_TRAINING), T0)).isEqualTo(ServiceRequest.Moved.LATE);
        assertThat(Milestone.APPROVED.rank()).isGreaterThan(Milestone.WAITING_FOR_REVIEW.rank());
        assertThat(Milestone.TAKEN_UP.rank()).isLessThan(Milestone.WAITING_FOR_PURGE_APPROVAL.rank());
        assertThat(List.of(Milestone.COMPLETED, Milestone.REJECTED, Milestone.WITHDRAWN, Milestone.FAILED))
                .extracting(Milestone::rank)
                .containsOnly(Milestone.COMPLETED.rank());
    }

    @Test
    void aRequestReadBackKeepsTheRankItReached() {
        request.move(to(Milestone.WAITING_FOR_REVIEW), T0);
        request.move(to(Milestone.APPROVED), T0);
        ServiceRequest read = ServiceRequest.restore(
                "REQ-1", ANNA, request.details(), T0, request.status(), request.timeline(), 1L, request.lifecycle());

        assertThat(read.move(to(Milestone.WAITING_FOR_REVIEW), T0))
                .as("IN_PROGRESS after approval ranks above waiting")
                .isEqualTo(ServiceRequest.Moved.LATE);
    }

    @Test
    void aRejectionCarriesItsMissingItemsIntoBothEvents() {
        List<MissingItem> missing = List.of(new MissingItem("test-cases", "Testärenden"));
        request.move(
                Transition.rejected(
                        new Rejection(
                                RequestRejected.ReasonCode.CHECKLIST_INCOMPLETE,
                                "Blocked",
                                "publication-service",
                                missing),
                        "PublicationBlocked",
                        "e1"),
                T0);

        assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(request.lifecycle().rejection().blockedByChecklist()).isTrue();
        assertThat(request.newEvents())
                .anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(RequestStatusChanged.class, changed -> {
                    assertThat(changed.missingItems()).isEqualTo(missing);
                    assertThat(changed.fromStatus()).isEqualTo(RequestStatusCode.SUBMITTED);
                }))
                .anySatisfy(event -> assertThat(event)
                        .isInstanceOfSatisfying(
                                RequestRejected.class,
                                rejected -> assertThat(rejected.missingItems()).isEqualTo(missing)));
    }

    @Test
    void withdrawingRaisesRequestWithdrawnByTheRequester() {
        request.withdraw("anna", "wrong e-service", T0);

        assertThat(request.status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(request.newEvents()).last().isInstanceOfSatisfying(RequestWithdrawn.class, withdrawn -> {
            assertThat(withdrawn.withdrawnBy()).isEqualTo("anna");
            assertThat(withdrawn.reason()).isEqualTo("wrong e-service");
        });
    }

    @Test
    void assigningASubmittedRequestTakesItUp() {
        request.assign("cecilia", "cecilia", T0);

        assertThat(request.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(request.timeline())
                .extracting(TimelineEntry::kind)
                .containsExactly(
                        TimelineEntry.Kind.STATUS_CHANGED,
                        TimelineEntry.Kind.ASSIGNED,
                        TimelineEntry.Kind.STATUS_CHANGED);
        assertThat(request.lifecycle().assignee()).isEqualTo("cecilia");
    }

    @Test
    void overdueOncePerStayInAStatus() {
        Duration allowed = Duration.ofDays(2);
        request.assign("cecilia", "cecilia", T0);

        assertThat(request.markOverdueIfLate(allowed, T0.plus(Duration.ofDays(1))))
                .isFalse();
        assertThat(request.markOverdueIfLate(allowed, T0.plus(Duration.ofDays(2))))
                .isTrue();
        assertThat(request.markOverdueIfLate(allowed, T0.plus(Duration.ofDays(9))))
                .isFalse();
        assertThat(request.newEvents()).last().isInstanceOfSatisfying(RequestOverdue.class, overdue -> {
            assertThat(overdue.status()).isEqualTo(RequestStatusCode.IN_PROGRESS);
            assertThat(overdue.remind())
                    .containsExactly(RequestOverdue.Reminded.CENTRAL_TEAM, RequestOverdue.Reminded.ASSIGNEE);
            assertThat(overdue.assignee()).isEqualTo("cecilia");
        });

        Instant later = T0.plus(Duration.ofDays(10));
        request.move(to(Milestone.WAITING_FOR_REVIEW), later);
        assertThat(request.lifecycle().overdue())
                .as("a new stay starts unmarked")
                .isFalse();
        assertThat(request.markOverdueIfLate(allowed, later.plus(allowed))).isTrue();
    }

    private static Transition to(Milestone milestone) {
        String type = switch (milestone) {
            case WAITING_FOR_REVIEW -> "ReviewRequested";
            case APPROVED -> "ReviewApproved";
            default -> "Other";
        };
        return Transition.to(milestone, "publication-service", type, "e-" + milestone);
    }
}
