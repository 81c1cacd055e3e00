package se.municipality.eops.request.filing.web;

import java.time.Instant;
import java.util.List;
import se.municipality.eops.contract.request.MissingItem;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.request.filing.domain.Failure;
import se.municipality.eops.request.filing.domain.Rejection;
import se.municipality.eops.request.filing.domain.RequestStatus;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.filing.domain.TimelineEntry;

/** A request as its requester sees it: what was asked, where it stands and how it got there. */
public record RequestView(
        String id,
        RequestType type,
        RequestStatus status,
        Requester requester,
        PublicationRequest publication,
        PurgeRequest purge,
        PermissionRequest permission,
        Instant submittedAt,
        List<TimelineEntry> timeline,
        Instant statusSince,
        String assignee,
        boolean overdue,
        String outcome,
        RejectionView rejection,
        FailureView failure) {

    /**
     * Why the request was rejected. {@code blockedByChecklist}: publication-service found mandatory checklist
     * items not confirmed ({@code missingItems}); file a new request once they are done.
     */
    record RejectionView(
            RequestRejected.ReasonCode reasonCode,
            String reason,
            String rejectedBy,
            boolean blockedByChecklist,
            List<MissingItem> missingItems) {

        static RejectionView of(Rejection rejection) {
            return rejection == null
                    ? null
                    : new RejectionView(
                            rejection.reasonCode(),
                            rejection.reason(),
                            rejection.rejectedBy(),
                            rejection.blockedByChecklist(),
                            rejection.missingItems());
        }
    }

    /**
     * Why a FAILED request failed (nobody refused it): {@code reasonCode} the kind ({@code PURGE_FAILED},
     * {@code PURGE_PLAN_EXPIRED}, {@code AWAITED_GRANT_REVOKED}, {@code AWAITED_GRANT_EXPIRED}; absent if the event
     * is of another type), {@code reason} in words, {@code failedBy} the service, and the event that caused it.
     */
    record FailureView(
            Failure.ReasonCode reasonCode,
            String reason,
            String failedBy,
            String causeEventType,
            String causeEventId,
            Instant at) {

        static FailureView of(Failure failure) {
            return new FailureView(
                    failure.reasonCode(),
                    failure.reason(),
                    failure.failedBy(),
                    failure.causeEventType(),
                    failure.causeEventId(),
                    failure.at());
        }
    }

    public static RequestView of(ServiceRequest request) {
        return new RequestView(
                request.id(),
                request.details().type(),
                request.status(),
                request.requester(),
                request.details().publication(),
                request.details().purge(),
                request.details().permission(),
                request.submittedAt(),
                request.timeline(),
                request.lifecycle().statusSince(),
                request.lifecycle().assignee(),
                request.lifecycle().overdue(),
                request.lifecycle().outcome(),
                RejectionView.of(request.lifecycle().rejection()),
                request.failure().map(FailureView::of).orElse(null));
    }
}
