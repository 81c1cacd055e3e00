package se.municipality.eops.contract.purge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * One batch of cases was irreversibly deleted; subscribers holding copies delete them too and acknowledge the
 * batch ({@code PurgeBatchAcknowledged}). A purge that found nothing is one event with batch 1, {@code lastBatch}
 * true, no case ids and a total of 0. Key = {@code purgeId}.
 *
 * @param purgeId the purge (for a retention purge, its plan's id)
 * @param requestId the request the purge answers, if a request caused it
 * @param reviewId the review whose approval caused a test-case purge ({@code ReviewApproved.reviewId})
 * @param planId the approved purge plan (retention purges)
 * @param ruleId the retention rule applied (retention purges)
 * @param ruleVersion the version of the retention rule applied
 * @param decisionReference the committee's purge decision the purge rests on (retention purges)
 * @param batchNumber 1-based number of this batch within the purge
 * @param lastBatch whether this is the purge's last batch
 * @param caseIds the ids of the purged cases, at most 1,000
 * @param totalCaseCount on the last batch: the cases of all batches
 */
public record CasesPurged(
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
        int batchNumber,
        boolean lastBatch,
        List<String> caseIds,
        Long totalCaseCount)
        implements DomainEvent {

    /** The most case ids one event carries. */
    public static final int MAX_CASE_IDS = 1000;

    public CasesPurged {
        caseIds = List.copyOf(caseIds);
    }

    @Override
    public String aggregateId() {
        return purgeId;
    }
}
