package se.municipality.eops.contract.purge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A purge plan was not approved in time; nothing was deleted and its cases are free for a later plan. Key =
 * {@code planId}.
 *
 * @param requestId the request the plan answered, if any
 * @param expiresAt the deadline that passed
 * @param ruleId the retention rule the plan applied
 * @param requestPlanIds every plan made for the RETENTION request {@code requestId}, this one included, as in its
 *     {@link PurgePlanCreated}; absent: the plan is the only one of its request, or no request asked for it
 */
public record PurgePlanExpired(
        UUID eventId,
        String planId,
        Instant occurredAt,
        String requestId,
        String eServiceId,
        Instant expiresAt,
        String ruleId,
        List<String> requestPlanIds)
        implements DomainEvent {

    public PurgePlanExpired {
        requestPlanIds = requestPlanIds == null ? null : List.copyOf(requestPlanIds);
    }

    /** Without the rule and the request's other plans, as before those fields existed. */
    public PurgePlanExpired(
            UUID eventId, String planId, Instant occurredAt, String requestId, String eServiceId, Instant expiresAt) {
        this(eventId, planId, occurredAt, requestId, eServiceId, expiresAt, null, null);
    }

    @Override
    public String aggregateId() {
        return planId;
    }
}
