package se.municipality.eops.contract.purge;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A purge plan was not approved in time; nothing was deleted and its cases are free for a later plan. Key =
 * {@code planId}.
 *
 * @param requestId the request the plan answered, if any
 * @param expiresAt the deadline that passed
 */
public record PurgePlanExpired(
        UUID eventId, String planId, Instant occurredAt, String requestId, String eServiceId, Instant expiresAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return planId;
    }
}
