package se.municipality.eops.purge.purging.domain;

import java.time.Instant;

/**
 * One line of the purge log (gallringslogg): what was purged on which decision, how many, when and by whose
 * decision. No personal data: no case ids, no citizens, only officials' user names.
 *
 * @param deletedByPlatformCount cases of the purge the platform deleted itself before their batch ran: not
 *     counted as purged, not announced
 * @param oldestDue the earliest clock start among the purged cases (the date range of the purge)
 * @param newestDue the latest clock start among them
 */
public record PurgeLogEntry(
        String purgeId,
        String reason,
        String eServiceId,
        String ruleId,
        Integer ruleVersion,
        String committee,
        String planRowReference,
        String decisionReference,
        String decisionDate,
        String requestId,
        String reviewId,
        long purgedCount,
        long heldBackCount,
        long deletedByPlatformCount,
        int batchCount,
        Instant oldestDue,
        Instant newestDue,
        String createdBy,
        String approvedBy,
        Instant startedAt,
        Instant finishedAt) {

    public static PurgeLogEntry of(Purge purge) {
        RuleApplied rule = purge.rule();
        Preview preview = purge.preview();
        return new PurgeLogEntry(
                purge.id(),
                purge.reason().name(),
                purge.eServiceId(),
                rule == null ? null : rule.ruleId(),
                rule == null ? null : rule.version(),
                rule == null ? null : rule.committee(),
                rule == null ? null : rule.planRowReference(),
                rule == null ? null : rule.decisionReference(),
                rule == null ? null : rule.decisionDate(),
                purge.requestId(),
                purge.reviewId(),
                purge.purgedCount(),
                purge.heldBackAtExecution(),
                purge.deletedByPlatform(),
                purge.batches().size(),
                preview == null ? null : preview.oldestDue(),
                preview == null ? null : preview.newestDue(),
                purge.createdBy(),
                purge.approvedBy(),
                purge.startedAt(),
                purge.finishedAt());
    }
}
