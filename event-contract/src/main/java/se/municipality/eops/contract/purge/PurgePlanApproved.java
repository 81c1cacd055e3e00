package se.municipality.eops.contract.purge;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * An archivist other than its creator approved a purge plan; it executes now. Key = {@code planId}.
 *
 * @param requestId the request the plan answers, if any
 */
public record PurgePlanApproved(
        UUID eventId,
        String planId,
        Instant occurredAt,
        String requestId,
        String eServiceId,
        String createdBy,
        String approvedBy)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return planId;
    }
}
