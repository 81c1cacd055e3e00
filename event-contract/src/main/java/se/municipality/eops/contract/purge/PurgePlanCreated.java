package se.municipality.eops.contract.purge;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A retention purge plan was computed and waits for an archivist other than its creator to approve it. Key =
 * {@code planId}.
 *
 * @param requestId the RETENTION request that asked for it; absent for a scheduled plan
 * @param ruleVersion the version of the retention rule the plan was computed with
 * @param createdBy who made the plan (a user name, or {@code scheduler})
 * @param dueCaseCount cases due and in the plan
 * @param heldBackCaseCount due cases kept out of the plan by a legal hold
 * @param oldestDue the earliest clock start among the due cases
 * @param newestDue the latest clock start among the due cases
 * @param expiresAt when the plan expires unless approved
 */
public record PurgePlanCreated(
        UUID eventId,
        String planId,
        Instant occurredAt,
        String requestId,
        String eServiceId,
        String ruleId,
        int ruleVersion,
        String committee,
        String decisionReference,
        String createdBy,
        long dueCaseCount,
        long heldBackCaseCount,
        Instant oldestDue,
        Instant newestDue,
        Instant expiresAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return planId;
    }
}
