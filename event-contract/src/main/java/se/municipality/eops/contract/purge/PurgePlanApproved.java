package se.municipality.eops.contract.purge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * An archivist other than its creator approved a purge plan; it executes now. Key = {@code planId}.
 *
 * @param requestId the request the plan answers, if any
 * @param requestPlanIds every plan made for the RETENTION request {@code requestId}, this one included, as in its
 *     {@link PurgePlanCreated}; absent: the plan is the only one of its request, or no request asked for it
 */
public record PurgePlanApproved(
        UUID eventId,
        String planId,
        Instant occurredAt,
        String requestId,
        String eServiceId,
        String createdBy,
        String approvedBy,
        List<String> requestPlanIds)
        implements DomainEvent {

    public PurgePlanApproved {
        requestPlanIds = requestPlanIds == null ? null : List.copyOf(requestPlanIds);
    }

    /** A plan that is the only one of its request, or that no request asked for: no {@code requestPlanIds}. */
    public PurgePlanApproved(
            UUID eventId,
            String planId,
            Instant occurredAt,
            String requestId,
            String eServiceId,
            String createdBy,
            String approvedBy) {
        this(eventId, planId, occurredAt, requestId, eServiceId, createdBy, approvedBy, null);
    }

    @Override
    public String aggregateId() {
        return planId;
    }
}
