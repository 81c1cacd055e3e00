package se.municipality.eops.purge.purging.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.municipality.eops.purge.purging.domain.BatchRecord;
import se.municipality.eops.purge.purging.domain.Preview;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.PurgeStatus;
import se.municipality.eops.purge.purging.domain.RuleApplied;

/** A purge or plan with its preview and, per executed batch, who confirmed it. No case ids, no personal data. */
record PurgeView(
        String purgeId,
        String reason,
        PurgeStatus status,
        String eServiceId,
        String requestId,
        String reviewId,
        RuleApplied rule,
        Preview preview,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        String approvedBy,
        Instant approvedAt,
        Instant startedAt,
        Instant finishedAt,
        long purgedCount,
        long heldBackCount,
        long deletedByPlatformCount,
        String failure,
        String withdrawnBy,
        Instant withdrawnAt,
        Purge.WithdrawalCause withdrawnBecause,
        List<BatchView> batches) {

    record BatchView(
            int number,
            int caseCount,
            Instant purgedAt,
            Instant acknowledgementsDueBy,
            List<String> expectedSubscribers,
            List<String> acknowledgedBy,
            List<String> overdue) {}

    static PurgeView of(Purge purge, Map<Integer, Set<String>> acknowledgements) {
        return new PurgeView(
                purge.id(),
                purge.reason().name(),
                purge.status(),
                purge.eServiceId(),
                purge.requestId(),
                purge.reviewId(),
                purge.rule(),
                purge.preview(),
                purge.createdBy(),
                purge.createdAt(),
                purge.expiresAt(),
                purge.approvedBy(),
                purge.approvedAt(),
                purge.startedAt(),
                purge.finishedAt(),
                purge.purgedCount(),
                purge.status() == PurgeStatus.COMPLETED
                        ? purge.heldBackAtExecution()
                        : purge.preview() == null ? 0 : purge.preview().heldBackCount(),
                purge.deletedByPlatform(),
                purge.failure(),
                purge.withdrawnBy(),
                purge.withdrawnAt(),
                purge.withdrawnBecause(),
                purge.batches().stream()
                        .map(batch -> batch(batch, acknowledgements))
                        .toList());
    }

    private static BatchView batch(BatchRecord batch, Map<Integer, Set<String>> acknowledgements) {
        return new BatchView(
                batch.number(),
                batch.caseCount(),
                batch.purgedAt(),
                batch.acknowledgementsDueBy(),
                batch.expectedSubscribers(),
                acknowledgements.getOrDefault(batch.number(), Set.of()).stream()
                        .sorted()
                        .toList(),
                batch.reportedOverdue());
    }
}
