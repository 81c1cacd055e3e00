package se.municipality.eops.contract.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A request was rejected: a service that was to carry it out refused it, or the central team did.
 *
 * @param rejectedBy a user id (a reviewer, a team member) or the name of the refusing service
 * @param reasonCode what kind of rejection
 * @param reason the reason in words, for people
 * @param missingItems for {@link ReasonCode#CHECKLIST_INCOMPLETE}: the checklist items not confirmed
 */
public record RequestRejected(
        UUID eventId,
        String requestId,
        Instant occurredAt,
        Requester requester,
        RequestType requestType,
        String eServiceId,
        String eServiceName,
        String rejectedBy,
        ReasonCode reasonCode,
        String reason,
        List<MissingItem> missingItems)
        implements DomainEvent {

    /** What kind of rejection. A consumer treats a value it does not know as "other". */
    public enum ReasonCode {
        /** publication-service blocked it: mandatory checklist items not confirmed (listed in missingItems). */
        CHECKLIST_INCOMPLETE,
        /** publication-service blocked it for another reason (unknown e-service, already exists, in progress). */
        PUBLICATION_BLOCKED,
        /** The reference group rejected the review. */
        REVIEW_REJECTED,
        /** permission-service refused the permission change. */
        PERMISSION_REFUSED,
        /** purge-service refused the purge. */
        PURGE_REFUSED,
        /** A member of the central team rejected it. */
        REJECTED_BY_TEAM
    }

    @Override
    public String aggregateId() {
        return requestId;
    }
}
