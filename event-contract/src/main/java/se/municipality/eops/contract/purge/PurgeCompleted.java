package se.municipality.eops.contract.purge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A purge finished: every case of it is deleted and announced in {@code CasesPurged}; the purge log has its entry.
 * Key = {@code purgeId}.
 *
 * @param requestId the request the purge answers, if any
 * @param reviewId the review whose approval caused a test-case purge
 * @param planId the purge plan (retention purges)
 * @param heldBackCaseCount cases of the plan a legal hold kept (also holds set after the plan was made)
 * @param requestPlanIds every purge made for the RETENTION request {@code requestId}, this one included (a request
 *     gets one per rule); the request is done when each of them completed. Absent: the purge is the only one that
 *     answers its request (as before the field existed), or no request asked for it
 */
public record PurgeCompleted(
        UUID eventId,
        String purgeId,
        Instant occurredAt,
        PurgeReason reason,
        String eServiceId,
        String requestId,
        String reviewId,
        String planId,
        String ruleId,
        Integer ruleVersion,
        String decisionReference,
        long purgedCaseCount,
        long heldBackCaseCount,
        int batchCount,
        Instant startedAt,
        Instant finishedAt,
        List<String> requestPlanIds)
        implements DomainEvent {

    public PurgeCompleted {
        requestPlanIds = requestPlanIds == null ? null : List.copyOf(requestPlanIds);
    }

    /** A purge that is the only one answering its request, or that no request asked for: no {@code requestPlanIds}. */
    public PurgeCompleted(
            UUID eventId,
            String purgeId,
            Instant occurredAt,
            PurgeReason reason,
            String eServiceId,
            String requestId,
            String reviewId,
            String planId,
            String ruleId,
            Integer ruleVersion,
            String decisionReference,
            long purgedCaseCount,
            long heldBackCaseCount,
            int batchCount,
            Instant startedAt,
            Instant finishedAt) {
        this(
                eventId,
                purgeId,
                occurredAt,
                reason,
                eServiceId,
                requestId,
                reviewId,
                planId,
                ruleId,
                ruleVersion,
                decisionReference,
                purgedCaseCount,
                heldBackCaseCount,
                batchCount,
                startedAt,
                finishedAt,
                null);
    }

    @Override
    public String aggregateId() {
        return purgeId;
    }
}
