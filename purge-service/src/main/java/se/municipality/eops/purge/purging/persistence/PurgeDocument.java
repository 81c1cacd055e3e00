package se.municipality.eops.purge.purging.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import se.municipality.eops.contract.purge.PurgeReason;
import se.municipality.eops.purge.purging.domain.BatchRecord;
import se.municipality.eops.purge.purging.domain.Preview;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.PurgeStatus;
import se.municipality.eops.purge.purging.domain.RuleApplied;
import se.municipality.eops.starter.outbox.PendingEvent;

/** A purge as stored, with the events waiting to be published in the same document (the outbox). */
@Document(PurgeDocument.COLLECTION)
record PurgeDocument(
        @Id String id,
        PurgeReason reason,
        String eServiceId,
        String requestId,
        String reviewId,
        RuleApplied rule,
        Preview preview,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        int batchCount,
        PurgeStatus status,
        String approvedBy,
        Instant approvedAt,
        Instant startedAt,
        Instant finishedAt,
        long purgedCount,
        long heldBackAtExecution,
        long deletedByPlatform,
        List<BatchRecord> batches,
        List<String> deleting,
        String failure,
        String withdrawnBy,
        Instant withdrawnAt,
        Purge.WithdrawalCause withdrawnBecause,
        // Every purge made for the purge's RETENTION request; absent in purges stored before it was kept.
        List<String> requestPlanIds,
        @Version Long version,
        List<PendingEvent> pendingEvents) {

    static final String COLLECTION = "purges";

    static PurgeDocument of(Purge purge, List<PendingEvent> pendingEvents) {
        return new PurgeDocument(
                purge.id(),
                purge.reason(),
                purge.eServiceId(),
                purge.requestId(),
                purge.reviewId(),
                purge.rule(),
                purge.preview(),
                purge.createdBy(),
                purge.createdAt(),
                purge.expiresAt(),
                purge.batchCount(),
                purge.status(),
                purge.approvedBy(),
                purge.approvedAt(),
                purge.startedAt(),
                purge.finishedAt(),
                purge.purgedCount(),
                purge.heldBackAtExecution(),
                purge.deletedByPlatform(),
                purge.batches(),
                purge.deleting(),
                purge.failure(),
                purge.withdrawnBy(),
                purge.withdrawnAt(),
                purge.withdrawnBecause(),
                purge.requestPlanIds(),
                purge.version(),
                pendingEvents);
    }

    Purge toPurge() {
        return new Purge(
                id,
                reason,
                eServiceId,
                requestId,
                reviewId,
                rule,
                preview,
                createdBy,
                createdAt,
                expiresAt,
                batchCount,
                status,
                approvedBy,
                approvedAt,
                startedAt,
                finishedAt,
                purgedCount,
                heldBackAtExecution,
                deletedByPlatform,
                batches,
                deleting,
                failure,
                withdrawnBy,
                withdrawnAt,
                withdrawnBecause,
                version,
                requestPlanIds);
    }
}
