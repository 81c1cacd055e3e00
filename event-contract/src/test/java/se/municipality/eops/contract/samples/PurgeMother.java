package se.municipality.eops.contract.samples;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.purge.CasesPurged;
import se.municipality.eops.contract.purge.PurgeAcknowledgementOverdue;
import se.municipality.eops.contract.purge.PurgeCompleted;
import se.municipality.eops.contract.purge.PurgeFailed;
import se.municipality.eops.contract.purge.PurgePlanApproved;
import se.municipality.eops.contract.purge.PurgePlanCreated;
import se.municipality.eops.contract.purge.PurgePlanExpired;
import se.municipality.eops.contract.purge.PurgeReason;

/** Typical events of purge-service (and, through {@link #all()}, of the inbound case topic it owns). */
public final class PurgeMother {

    public static final Instant PURGED_AT = Instant.parse("2026-11-28T10:00:03Z");
    public static final String DECISION = "BUN 2025/118";

    private PurgeMother() {}

    /** A test-case purge after a review, which found no test case: one event, zero cases. */
    public static CasesPurged noTestCasesAfterReview() {
        return new CasesPurged(
                UUID.randomUUID(),
                "purge-" + UUID.randomUUID(),
                PURGED_AT,
                PurgeReason.TEST_CASES,
                RequestSubmittedMother.E_SERVICE_ID,
                "req-42",
                "rev-" + UUID.randomUUID(),
                null,
                null,
                null,
                null,
                1,
                true,
                List.of(),
                0L);
    }

    /** A full first batch of a retention purge: not the last, no total yet. */
    public static CasesPurged fullRetentionBatch() {
        String planId = "plan-" + UUID.randomUUID();
        return new CasesPurged(
                UUID.randomUUID(),
                planId,
                PURGED_AT,
                PurgeReason.RETENTION,
                RequestSubmittedMother.E_SERVICE_ID,
                null,
                null,
                planId,
                "rule-1",
                3,
                DECISION,
                1,
                false,
                IntStream.rangeClosed(1, CasesPurged.MAX_CASE_IDS)
                        .mapToObj(i -> "c-" + i)
                        .toList(),
                null);
    }

    public static PurgePlanCreated planCreatedOnRequest() {
        return new PurgePlanCreated(
                UUID.randomUUID(),
                "plan-" + UUID.randomUUID(),
                PURGED_AT,
                "req-42",
                RequestSubmittedMother.E_SERVICE_ID,
                "rule-1",
                3,
                "Barn- och utbildningsnämnden",
                DECISION,
                "anna",
                120,
                2,
                Instant.parse("2015-01-10T08:00:00Z"),
                Instant.parse("2021-11-27T16:00:00Z"),
                PURGED_AT.plusSeconds(14 * 86400));
    }

    public static PurgePlanApproved planApproved() {
        return new PurgePlanApproved(
                UUID.randomUUID(), "plan-" + UUID.randomUUID(), PURGED_AT, null, "es-1001", "arvid", "astrid");
    }

    public static PurgePlanExpired planExpired() {
        return new PurgePlanExpired(
                UUID.randomUUID(), "plan-" + UUID.randomUUID(), PURGED_AT, "req-42", "es-1001", PURGED_AT);
    }

    public static PurgeCompleted retentionCompleted() {
        String planId = "plan-" + UUID.randomUUID();
        return new PurgeCompleted(
                UUID.randomUUID(),
                planId,
                PURGED_AT,
                PurgeReason.RETENTION,
                "es-1001",
                null,
                null,
                planId,
                "rule-1",
                3,
                DECISION,
                1002,
                4,
                2,
                PURGED_AT.minusSeconds(3),
                PURGED_AT);
    }

    /** The id purge-service gives the plan of a RETENTION request under one rule. */
    public static String requestPlanId(String requestId, String ruleId) {
        return "plan-" + requestId + "-" + ruleId;
    }

    /** The plans of a RETENTION request whose decision covers two rules with due cases: rule-1 and rule-2. */
    public static List<String> twoRequestPlans(String requestId) {
        return List.of(requestPlanId(requestId, "rule-1"), requestPlanId(requestId, "rule-2"));
    }

    /** The plan of {@code requestId} under {@code ruleId}, one of {@code requestPlanIds}, waits for approval. */
    public static PurgePlanCreated planCreatedOnRequest(String requestId, String ruleId, List<String> requestPlanIds) {
        return new PurgePlanCreated(
                UUID.randomUUID(),
                requestPlanId(requestId, ruleId),
                PURGED_AT,
                requestId,
                RequestSubmittedMother.E_SERVICE_ID,
                ruleId,
                3,
                "Barn- och utbildningsnämnden",
                DECISION,
                "anna",
                120,
                2,
                Instant.parse("2015-01-10T08:00:00Z"),
                Instant.parse("2021-11-27T16:00:00Z"),
                PURGED_AT.plusSeconds(14 * 86400),
                requestPlanIds);
    }

    public static PurgePlanApproved planApproved(String requestId, String ruleId, List<String> requestPlanIds) {
        return new PurgePlanApproved(
                UUID.randomUUID(),
                requestPlanId(requestId, ruleId),
                PURGED_AT,
                requestId,
                RequestSubmittedMother.E_SERVICE_ID,
                "anna",
                "astrid",
                requestPlanIds);
    }

    /** The plan of {@code requestId} under {@code ruleId} purged {@code purged} cases (and held 1 back). */
    public static PurgeCompleted retentionCompleted(
            String requestId, String ruleId, long purged, List<String> requestPlanIds) {
        String planId = requestPlanId(requestId, ruleId);
        return new PurgeCompleted(
                UUID.randomUUID(),
                planId,
                PURGED_AT,
                PurgeReason.RETENTION,
                RequestSubmittedMother.E_SERVICE_ID,
                requestId,
                null,
                planId,
                ruleId,
                3,
                DECISION,
                purged,
                1,
                (int) Math.max(1, (purged + CasesPurged.MAX_CASE_IDS - 1) / CasesPurged.MAX_CASE_IDS),
                PURGED_AT.minusSeconds(3),
                PURGED_AT,
                requestPlanIds);
    }

    public static PurgePlanExpired planExpired(String requestId, String ruleId, List<String> requestPlanIds) {
        return new PurgePlanExpired(
                UUID.randomUUID(),
                requestPlanId(requestId, ruleId),
                PURGED_AT,
                requestId,
                RequestSubmittedMother.E_SERVICE_ID,
                PURGED_AT,
                ruleId,
                requestPlanIds);
    }

    /** The events of a RETENTION request whose decision covers two rules, each plan listing both. */
    public static List<DomainEvent> twoPlansOfOneRequest() {
        List<String> plans = twoRequestPlans("req-44");
        return List.of(
                planCreatedOnRequest("req-44", "rule-1", plans),
                planCreatedOnRequest("req-44", "rule-2", plans),
                planApproved("req-44", "rule-1", plans),
                retentionCompleted("req-44", "rule-1", 1000, plans),
                planExpired("req-44", "rule-2", plans));
    }

    public static PurgeFailed noRuleForDecision() {
        return new PurgeFailed(
                UUID.randomUUID(),
                "purge-req-43",
                PURGED_AT,
                PurgeReason.RETENTION,
                "es-1003",
                "req-43",
                null,
                "es-1003 has no retention rule resting on decision KFN 2020/7");
    }

    public static PurgeAcknowledgementOverdue acknowledgementOverdue() {
        return new PurgeAcknowledgementOverdue(
                UUID.randomUUID(),
                "plan-" + UUID.randomUUID(),
                PURGED_AT,
                "es-1001",
                null,
                1,
                List.of("case-handling", "my-pages"),
                PURGED_AT);
    }

    /**
     * One of each purge event (as before {@code requestPlanIds}, and the plans of a request listing each other), and
     * the inbound case events purge-service consumes.
     */
    public static List<DomainEvent> all() {
        List<DomainEvent> all = new ArrayList<>(List.of(
                noTestCasesAfterReview(),
                fullRetentionBatch(),
                planCreatedOnRequest(),
                planApproved(),
                planExpired(),
                retentionCompleted(),
                noRuleForDecision(),
                acknowledgementOverdue()));
        all.addAll(twoPlansOfOneRequest());
        all.addAll(CaseEventsMother.all());
        return all;
    }
}
