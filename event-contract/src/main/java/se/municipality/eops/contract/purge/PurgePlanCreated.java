package se.municipality.eops.contract.purge;

import java.time.Instant;
import java.util.List;
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
 * @param requestPlanIds every plan made for the RETENTION request {@code requestId}, this one included (one per rule
 *     of the request's decision with due cases); the request is done when each of them completed. Absent: the plan
 *     is the only one of its request (as before the field existed), or no request asked for it
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
        Instant expiresAt,
        List<String> requestPlanIds)
        implements DomainEvent {

    public PurgePlanCreated {
        requestPlanIds = requestPlanIds == null ? null : List.copyOf(requestPlanIds);
    }

    /** A plan that is the only one of its request, or that no request asked for: no {@code requestPlanIds}. */
    public PurgePlanCreated(
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
            Instant expiresAt) {
        this(
                eventId,
                planId,
                occurredAt,
                requestId,
                eServiceId,
                ruleId,
                ruleVersion,
                committee,
                decisionReference,
                createdBy,
                dueCaseCount,
                heldBackCaseCount,
                oldestDue,
                newestDue,
                expiresAt,
                null);
    }

    @Override
    public String aggregateId() {
        return planId;
    }
}
