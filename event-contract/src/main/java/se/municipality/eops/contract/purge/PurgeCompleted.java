package se.municipality.eops.contract.purge;

import java.time.Instant;
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
        Instant finishedAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return purgeId;
    }
}
