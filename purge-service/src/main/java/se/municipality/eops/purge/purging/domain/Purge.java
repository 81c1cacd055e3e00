package se.municipality.eops.purge.purging.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.purge.CasesPurged;
import se.municipality.eops.contract.purge.PurgeAcknowledgementOverdue;
import se.municipality.eops.contract.purge.PurgeCompleted;
import se.municipality.eops.contract.purge.PurgeFailed;
import se.municipality.eops.contract.purge.PurgePlanApproved;
import se.municipality.eops.contract.purge.PurgePlanCreated;
import se.municipality.eops.contract.purge.PurgePlanExpired;
import se.municipality.eops.contract.purge.PurgeReason;

/**
 * One purge, from plan to log: a retention plan (made, approved by a second archivist, expired, or withdrawn with the
 * request that asked for it) or a test-case purge (executing at once). Its cases are fixed when it is made, split
 * into numbered batches of at most {@link CasesPurged#MAX_CASE_IDS}; execution records each batch (and its event)
 * before deleting the batch's cases, and remembers the ids being deleted, so a restart deletes them again instead of
 * counting them twice.
 */
public final class Purge {

    private final String id;
    private final PurgeReason reason;
    private final String eServiceId;
    private final String requestId;
    private final String reviewId;
    private final RuleApplied rule;
    private final Preview preview;
    private final String createdBy;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final int batchCount;
    private PurgeStatus status;
    private String approvedBy;
    private Instant approvedAt;
    private Instant startedAt;
    private Instant finishedAt;
    private long purgedCount;
    private long heldBackAtExecution;
    private long deletedByPlatform;
    private final List<BatchRecord> batches;
    private List<String> deleting;
    private String failure;
    private String withdrawnBy;
    private Instant withdrawnAt;
    private WithdrawalCause withdrawnBecause;
    private Long version;
    private final List<String> requestPlanIds;
    private final List<DomainEvent> newEvents = new ArrayList<>();

    public Purge(
            String id,
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
            WithdrawalCause withdrawnBecause,
            Long version) {
        this(
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
                null);
    }

    /**
     * A purge as stored; {@code requestPlanIds} lists every purge made for its RETENTION request, itself included
     * (null: it is the only one answering its request, or no request asked for it).
     */
    public Purge(
            String id,
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
            WithdrawalCause withdrawnBecause,
            Long version,
            List<String> requestPlanIds) {
        this.id = Objects.requireNonNull(id, "id");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.eServiceId = Objects.requireNonNull(eServiceId, "eServiceId");
        this.requestId = requestId;
        this.reviewId = reviewId;
        this.rule = rule;
        this.preview = preview;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.batchCount = batchCount;
        this.status = Objects.requireNonNull(status, "status");
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.purgedCount = purgedCount;
        this.heldBackAtExecution = heldBackAtExecution;
        this.deletedByPlatform = deletedByPlatform;
        this.batches = new ArrayList<>(batches == null ? List.of() : batches);
        this.deleting = deleting == null ? List.of() : List.copyOf(deleting);
        this.failure = failure;
        this.withdrawnBy = withdrawnBy;
        this.withdrawnAt = withdrawnAt;
        // Plans withdrawn before causes were recorded were all withdrawn with their request.
        this.withdrawnBecause = withdrawnBecause == null && status == PurgeStatus.WITHDRAWN
                ? WithdrawalCause.REQUEST_WITHDRAWN
                : withdrawnBecause;
        this.version = version;
        if (requestPlanIds != null && (requestId == null || !requestPlanIds.contains(id))) {
            throw new IllegalArgumentException(
                    "purge " + id + " of request " + requestId + " is not among its plans " + requestPlanIds);
        }
        this.requestPlanIds = requestPlanIds == null ? null : List.copyOf(requestPlanIds);
    }

    /** A test-case purge: no approval, it executes at once. */
    public static Purge testCases(
            String id,
            String eServiceId,
            String requestId,
            String reviewId,
            String createdBy,
            Preview preview,
            int batchCount,
            Instant now) {
        return new Purge(
                id,
                PurgeReason.TEST_CASES,
                eServiceId,
                requestId,
                reviewId,
                null,
                preview,
                createdBy,
                now,
                null,
                batchCount,
                PurgeStatus.EXECUTING,
                null,
                null,
                now,
                null,
                0,
                0,
                0,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null);
    }

    /** A retention plan, waiting for a second archivist until {@code now + approvalWindow}. */
    public static Purge plan(
            String id,
            String eServiceId,
            String requestId,
            RuleApplied rule,
            Preview preview,
            int batchCount,
            String createdBy,
            Instant now,
            Duration approvalWindow) {
        return plan(id, eServiceId, requestId, null, rule, preview, batchCount, createdBy, now, approvalWindow);
    }

    /**
     * A retention plan of a RETENTION request that got {@code requestPlanIds} (this one among them; null: it is the
     * request's only one), waiting for a second archivist until {@code now + approvalWindow}.
     */
    public static Purge plan(
            String id,
            String eServiceId,
            String requestId,
            List<String> requestPlanIds,
            RuleApplied rule,
            Preview preview,
            int batchCount,
            String createdBy,
            Instant now,
            Duration approvalWindow) {
        Purge plan = new Purge(
                id,
                PurgeReason.RETENTION,
                eServiceId,
                requestId,
                null,
                rule,
                preview,
                createdBy,
                now,
                now.plus(approvalWindow),
                batchCount,
                PurgeStatus.AWAITING_APPROVAL,
                null,
                null,
                null,
                null,
                0,
                0,
                0,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                requestPlanIds);
        plan.newEvents.add(new PurgePlanCreated(
                UUID.randomUUID(),
                id,
                now,
                requestId,
                eServiceId,
                rule.ruleId(),
                rule.version(),
                rule.committee(),
                rule.decisionReference(),
                createdBy,
                preview.dueCount(),
                preview.heldBackCount(),
                preview.oldestDue(),
                preview.newestDue(),
                plan.expiresAt,
                plan.requestPlanIds));
        return plan;
    }

    /**
     * A retention purge of a request under which nothing is due: there is nothing to approve, so it executes at once
     * (no approval, no PurgePlanCreated) and completes with nothing purged, answering the request with PurgeCompleted
     * and leaving its entry in the purge log. It has no batches, so it can delete nothing. {@code requestPlanIds}: the
     * purges of nothing made for the request's other rules and this one (null: it is the request's only one).
     */
    public static Purge nothingDue(
            String id,
            String eServiceId,
            String requestId,
            List<String> requestPlanIds,
            RuleApplied rule,
            Preview preview,
            String createdBy,
            Instant now) {
        if (preview.dueCount() != 0) {
            throw new IllegalArgumentException("purge " + id + " has " + preview.dueCount() + " due cases to approve");
        }
        return new Purge(
                id,
                PurgeReason.RETENTION,
                eServiceId,
                Objects.requireNonNull(requestId, "requestId"),
                null,
                Objects.requireNonNull(rule, "rule"),
                preview,
                createdBy,
                now,
                null,
                0,
                PurgeStatus.EXECUTING,
                null,
                null,
                now,
                null,
                0,
                0,
                0,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                requestPlanIds);
    }

    /** A purge that could not be made; it answers the request that asked for it. */
    public static Purge failed(
            String id,
            PurgeReason reason,
            String eServiceId,
            String requestId,
            String reviewId,
            String createdBy,
            String failure,
            Instant now) {
        Purge failed = new Purge(
                id,
                reason,
                eServiceId,
                requestId,
                reviewId,
                null,
                null,
                createdBy,
                now,
                null,
                0,
                PurgeStatus.FAILED,
                null,
                null,
                null,
                now,
                0,
                0,
                0,
                List.of(),
                List.of(),
                failure,
                null,
                null,
                null,
                null);
        failed.newEvents.add(
                new PurgeFailed(UUID.randomUUID(), id, now, reason, eServiceId, requestId, reviewId, failure));
        return failed;
    }

    /** Four eyes: anyone allowed to approve, but never the plan's creator. */
    public void approve(String approver, Instant now) {
        if (status != PurgeStatus.AWAITING_APPROVAL || !now.isBefore(expiresAt)) {
            throw new PurgeNotApprovable(id, status == PurgeStatus.AWAITING_APPROVAL ? PurgeStatus.EXPIRED : status);
        }
        if (approver.equals(createdBy)) {
            throw new FourEyesViolation(id);
        }
        status = PurgeStatus.EXECUTING;
        approvedBy = approver;
        approvedAt = now;
        startedAt = now;
        newEvents.add(new PurgePlanApproved(
                UUID.randomUUID(), id, now, requestId, eServiceId, createdBy, approver, requestPlanIds));
    }

    public boolean isExpiredAt(Instant now) {
        return status == PurgeStatus.AWAITING_APPROVAL && !now.isBefore(expiresAt);
    }

    public void expire(Instant now) {
        if (!isExpiredAt(now)) {
            throw new IllegalStateException("plan " + id + " is not due to expire");
        }
        status = PurgeStatus.EXPIRED;
        finishedAt = now;
        newEvents.add(new PurgePlanExpired(
                UUID.randomUUID(),
                id,
                now,
                requestId,
                eServiceId,
                expiresAt,
                rule == null ? null : rule.ruleId(),
                requestPlanIds));
    }

    /** Why a plan was withdrawn. */
    public enum WithdrawalCause {
        /** The requester withdrew the request that asked for it ({@code RequestWithdrawn}). */
        REQUEST_WITHDRAWN,
        /** The central team rejected that request ({@code RequestRejected} with {@code REJECTED_BY_TEAM}). */
        REJECTED_BY_TEAM
    }

    /** What the withdrawal of the request behind a purge did to it. */
    public enum Withdrawal {
        /** The plan awaited approval: it is withdrawn now and never executes. */
        WITHDRAWN,
        /** It was withdrawn before (the same withdrawal again): nothing changes. */
        ALREADY_WITHDRAWN,
        /**
         * It no longer awaits approval (approved, executing, completed, failed, expired, or a test-case purge, which
         * executes at once): too late to stop, nothing changes.
         */
        TOO_LATE
    }

    /**
     * The request that asked for this purge was withdrawn by {@code withdrawnBy}: a plan that still awaits approval
     * becomes {@link PurgeStatus#WITHDRAWN}, so it can no longer be approved, never executes and claims its cases no
     * more; any other purge stays as it is. Doing it again changes nothing. No event: the request's RequestWithdrawn
     * is the public fact, and nothing was purged.
     */
    public Withdrawal withdraw(String withdrawnRequestId, String withdrawnBy, Instant now) {
        return withdraw(withdrawnRequestId, withdrawnBy, WithdrawalCause.REQUEST_WITHDRAWN, now);
    }

    /**
     * As {@link #withdraw(String, String, Instant)}, for {@code cause}: the request was withdrawn by its requester, or
     * rejected by the central team ({@code withdrawnBy} then names the team member). A plan withdrawn for one cause
     * stays withdrawn for it: the other changes nothing.
     */
    public Withdrawal withdraw(String withdrawnRequestId, String withdrawnBy, WithdrawalCause cause, Instant now) {
        if (requestId == null || !requestId.equals(withdrawnRequestId)) {
            throw new IllegalArgumentException(
                    "purge " + id + " answers request " + requestId + ", not " + withdrawnRequestId);
        }
        if (status == PurgeStatus.WITHDRAWN) {
            return Withdrawal.ALREADY_WITHDRAWN;
        }
        // The same test as approval's: a plan past its window is expired for both, whether or not the job ran yet.
        if (status != PurgeStatus.AWAITING_APPROVAL || !now.isBefore(expiresAt)) {
            return Withdrawal.TOO_LATE;
        }
        status = PurgeStatus.WITHDRAWN;
        this.withdrawnBy = Objects.requireNonNull(withdrawnBy, "withdrawnBy");
        withdrawnBecause = Objects.requireNonNull(cause, "cause");
        withdrawnAt = now;
        finishedAt = now;
        return Withdrawal.WITHDRAWN;
    }

    /** The number of the batch to execute next, from 1; past {@link #batchesToPublish()} when all are out. */
    public int nextBatchNumber() {
        return batches.size() + 1;
    }

    /** A purge that found nothing still publishes one (empty, last) batch. */
    public int batchesToPublish() {
        return Math.max(1, batchCount);
    }

    public boolean allBatchesPublished() {
        return batches.size() >= batchesToPublish();
    }

    /** The cases of one batch to record, and how many of its cases the platform had deleted itself before. */
    public record BatchCases(List<String> caseIds, long deletedByPlatform) {

        public BatchCases {
            caseIds = List.copyOf(caseIds);
        }
    }

    /**
     * Records the next batches and their CasesPurged before their cases are deleted: the count and the ids being
     * deleted are stored in the same write as the events, so a crash after it deletes them again, never counts them
     * again. Cases the platform deleted itself are neither counted nor announced: they are no longer the purge's.
     */
    public void recordBatches(
            List<BatchCases> next, Instant now, List<String> expectedSubscribers, Duration acknowledgementWindow) {
        List<String> beingDeleted = new ArrayList<>();
        for (BatchCases batch : next) {
            recordBatch(batch, now, expectedSubscribers, acknowledgementWindow);
            beingDeleted.addAll(batch.caseIds());
        }
        deleting = List.copyOf(beingDeleted);
    }

    private void recordBatch(
            BatchCases batch, Instant now, List<String> expectedSubscribers, Duration acknowledgementWindow) {
        List<String> caseIds = batch.caseIds();
        if (status != PurgeStatus.EXECUTING || allBatchesPublished()) {
            throw new IllegalStateException("purge " + id + " has no batch left to record");
        }
        if (caseIds.size() > CasesPurged.MAX_CASE_IDS) {
            throw new IllegalArgumentException("a batch holds at most " + CasesPurged.MAX_CASE_IDS + " cases");
        }
        int number = nextBatchNumber();
        boolean last = number == batchesToPublish();
        purgedCount += caseIds.size();
        deletedByPlatform += batch.deletedByPlatform();
        batches.add(new BatchRecord(
                number,
                caseIds.size(),
                now,
                expectedSubscribers,
                now.plus(acknowledgementWindow),
                expectedSubscribers.isEmpty(),
                List.of()));
        newEvents.add(new CasesPurged(
                UUID.randomUUID(),
                id,
                now,
                reason,
                eServiceId,
                requestId,
                reviewId,
                reason == PurgeReason.RETENTION ? id : null,
                rule == null ? null : rule.ruleId(),
                rule == null ? null : rule.version(),
                rule == null ? null : rule.decisionReference(),
                number,
                last,
                caseIds,
                last ? purgedCount : null));
    }

    /**
     * The purge's cases that are neither purged nor deleted by the platform: kept by legal holds when it was made
     * or at execution.
     */
    public long heldBackSoFar() {
        long keptAtExecution = preview.dueCount() - purgedCount - deletedByPlatform;
        return preview.heldBackCount() + Math.max(0, keptAtExecution);
    }

    /** After the last batch: the purge is done; {@code heldBack} cases of it were kept by legal holds. */
    public void complete(long heldBack, Instant now) {
        if (status != PurgeStatus.EXECUTING || !allBatchesPublished()) {
            throw new IllegalStateException("purge " + id + " has batches left");
        }
        status = PurgeStatus.COMPLETED;
        finishedAt = now;
        heldBackAtExecution = heldBack;
        deleting = List.of();
        newEvents.add(new PurgeCompleted(
                UUID.randomUUID(),
                id,
                now,
                reason,
                eServiceId,
                requestId,
                reviewId,
                reason == PurgeReason.RETENTION ? id : null,
                rule == null ? null : rule.ruleId(),
                rule == null ? null : rule.version(),
                rule == null ? null : rule.decisionReference(),
                purgedCount,
                heldBack,
                batches.size(),
                startedAt,
                now,
                requestPlanIds));
    }

    /**
     * Settles a batch whose acknowledgements were due: the subscribers still missing are reported as overdue (one
     * event), or nothing is when all confirmed.
     */
    public void settleAcknowledgements(int batchNumber, List<String> missing, Instant now) {
        BatchRecord batch = batches.get(batchNumber - 1);
        if (batch.acknowledgementsSettled()) {
            return;
        }
        batches.set(batchNumber - 1, batch.settled(missing));
        if (!missing.isEmpty()) {
            newEvents.add(new PurgeAcknowledgementOverdue(
                    UUID.randomUUID(),
                    id,
                    now,
                    eServiceId,
                    requestId,
                    batchNumber,
                    missing,
                    batch.acknowledgementsDueBy()));
        }
    }

    /** The purge was stored as {@code newVersion} with its new events: later changes build on that. */
    public void saved(long newVersion) {
        version = newVersion;
        newEvents.clear();
    }

    /** The events raised since the purge was loaded, to be stored in the same write as its new state. */
    public List<DomainEvent> newEvents() {
        return List.copyOf(newEvents);
    }

    public String id() {
        return id;
    }

    public PurgeReason reason() {
        return reason;
    }

    public String eServiceId() {
        return eServiceId;
    }

    public String requestId() {
        return requestId;
    }

    public String reviewId() {
        return reviewId;
    }

    public RuleApplied rule() {
        return rule;
    }

    public Preview preview() {
        return preview;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int batchCount() {
        return batchCount;
    }

    public PurgeStatus status() {
        return status;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public long purgedCount() {
        return purgedCount;
    }

    public long heldBackAtExecution() {
        return heldBackAtExecution;
    }

    /** The purge's cases the platform had deleted itself before their batch ran: not counted, not announced. */
    public long deletedByPlatform() {
        return deletedByPlatform;
    }

    public List<BatchRecord> batches() {
        return List.copyOf(batches);
    }

    /** The ids of the latest batch, recorded but perhaps not yet deleted (a crash in between). */
    public List<String> deleting() {
        return deleting;
    }

    public String failure() {
        return failure;
    }

    /**
     * Who withdrew the request behind a {@link PurgeStatus#WITHDRAWN} plan (its requester), or the central team member
     * who rejected it; null otherwise.
     */
    public String withdrawnBy() {
        return withdrawnBy;
    }

    /** Why a {@link PurgeStatus#WITHDRAWN} plan was withdrawn; null otherwise. */
    public WithdrawalCause withdrawnBecause() {
        return withdrawnBecause;
    }

    /** When this service took the withdrawal and the plan became {@link PurgeStatus#WITHDRAWN}; null otherwise. */
    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public Long version() {
        return version;
    }

    /**
     * Every purge made for this purge's RETENTION request, itself included (a plan per rule with due cases, or a
     * purge of nothing per rule); null when it is the only one answering its request or no request asked for it.
     */
    public List<String> requestPlanIds() {
        return requestPlanIds;
    }
}
