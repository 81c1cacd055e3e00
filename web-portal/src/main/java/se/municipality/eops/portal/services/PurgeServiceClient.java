package se.municipality.eops.portal.services;

import java.io.OutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.util.function.ThrowingSupplier;
import org.springframework.web.client.RestClient;

/**
 * purge-service's API as the portal uses it: purge plans, their approval, the purge log and its CSV export, rules,
 * legal holds, subscribers (purge-service README). Add a method per call a page makes, with a record for what it
 * reads.
 */
@Component
public class PurgeServiceClient {

    /** A version of a retention rule: which cases of an e-service are purged after how long, on what decision. */
    public record Rule(
            String ruleId,
            int version,
            String eServiceId,
            String committee,
            String planRowReference,
            String decisionReference,
            String decisionDate,
            String retentionPeriod,
            String clockStart,
            String caseType,
            boolean active,
            String changedBy,
            Instant changedAt) {}

    /**
     * A new version of a rule, naming the version it changes ({@code version}; 409 if another came first). Also the
     * rule's form: a checkbox left unticked sends nothing, so {@code active} may be null (not active).
     */
    public record RuleChange(
            Integer version,
            String committee,
            String planRowReference,
            String decisionReference,
            String decisionDate,
            String retentionPeriod,
            String clockStart,
            String caseType,
            Boolean active) {

        /** The rule's current version, as the form to change it starts. */
        public static RuleChange of(Rule rule) {
            return new RuleChange(
                    rule.version(),
                    rule.committee(),
                    rule.planRowReference(),
                    rule.decisionReference(),
                    rule.decisionDate(),
                    rule.retentionPeriod(),
                    rule.clockStart(),
                    rule.caseType(),
                    rule.active());
        }

        /** The same values as a change of {@code current}: after a conflict, a second save is a deliberate one. */
        public RuleChange basedOn(int current) {
            return new RuleChange(
                    current,
                    committee,
                    planRowReference,
                    decisionReference,
                    decisionDate,
                    retentionPeriod,
                    clockStart,
                    caseType,
                    active);
        }

        /** Texts left empty in a form as not given. */
        public RuleChange withoutBlanks() {
            return new RuleChange(
                    version,
                    given(committee),
                    given(planRowReference),
                    given(decisionReference),
                    given(decisionDate),
                    given(retentionPeriod),
                    given(clockStart),
                    given(caseType),
                    Boolean.TRUE.equals(active));
        }

        private static String given(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** A legal hold: a case ({@code CASE}) or a whole e-service ({@code ESERVICE}) kept out of every purge. */
    /** One legal hold; a target may have several, each lifted by its {@code id}. */
    public record LegalHold(String id, String target, String targetId, String reason, String setBy, Instant setAt) {}

    /** A system that must acknowledge every purged batch. */
    public record Subscriber(String subscriberId, String name, String registeredBy, Instant registeredAt) {}

    /** The rule a plan applies, as it was when the plan was made. */
    public record RuleApplied(
            String ruleId,
            int version,
            String committee,
            String planRowReference,
            String decisionReference,
            String decisionDate,
            String retentionPeriod,
            String clockStart,
            String caseType) {}

    /** Cases kept out of a plan, and why (a legal hold, an open case, ...): counts only. */
    public record HeldBack(String reason, long count) {}

    /** What a plan would delete: counts and the clock-start span, no case or citizen data. */
    public record Preview(
            String ruleId,
            long dueCount,
            Instant oldestDue,
            Instant newestDue,
            List<HeldBack> heldBack,
            Instant cutoff) {}

    /** One deleted batch and who acknowledged it, who is overdue. */
    public record Batch(
            int number,
            int caseCount,
            Instant purgedAt,
            Instant acknowledgementsDueBy,
            List<String> expectedSubscribers,
            List<String> acknowledgedBy,
            List<String> overdue) {}

    /** A purge or a retention plan waiting for approval. */
    public record Purge(
            String purgeId,
            String reason,
            String status,
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
            List<Batch> batches) {

        public boolean awaitingApproval() {
            return "AWAITING_APPROVAL".equals(status);
        }
    }

    /** One line of the purge log: that a purge happened, on which rule, how many; no personal data. */
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
            Instant finishedAt) {}

    private final RestClient purge;

    PurgeServiceClient(ServiceClients.ServiceRestClients clients) {
        this.purge = clients.forService("purge");
    }

    /** {@code GET /api/retention-rules?eServiceId=}: the e-service's current rules. */
    public List<Rule> rulesOf(String eServiceId) {
        return List.of(purge.get()
                .uri(uri -> uri.path("/api/retention-rules")
                        .queryParam("eServiceId", eServiceId)
                        .build())
                .retrieve()
                .body(Rule[].class));
    }

    /** {@code GET /api/retention-rules/{id}}: the rule's current version. */
    public Rule rule(String ruleId) {
        return purge.get().uri("/api/retention-rules/{id}", ruleId).retrieve().body(Rule.class);
    }

    /** {@code GET /api/retention-rules/{id}/versions}: every version, oldest first. */
    public List<Rule> ruleVersions(String ruleId) {
        return List.of(purge.get()
                .uri("/api/retention-rules/{id}/versions", ruleId)
                .retrieve()
                .body(Rule[].class));
    }

    /** {@code PUT /api/retention-rules/{id}}: a new version; 400 naming the field, 409 if another came first. */
    public Rule changeRule(String ruleId, RuleChange change) {
        return purge.put()
                .uri("/api/retention-rules/{id}", ruleId)
                .body(change)
                .retrieve()
                .body(Rule.class);
    }

    /** {@code GET /api/legal-holds}. */
    public List<LegalHold> legalHolds() {
        return List.of(purge.get().uri("/api/legal-holds").retrieve().body(LegalHold[].class));
    }

    /** {@code POST /api/legal-holds}: {@code target} CASE or ESERVICE; the service names a wrong id {@code caseId}. */
    public LegalHold placeLegalHold(String target, String targetId, String reason) {
        Map<String, String> body = new HashMap<>();
        body.put("ESERVICE".equals(target) ? "eServiceId" : "caseId", targetId);
        body.put("reason", reason);
        return purge.post().uri("/api/legal-holds").body(body).retrieve().body(LegalHold.class);
    }

    /** {@code DELETE /api/legal-holds/{id}}: lifts that one hold; 404 when it is no longer in force. */
    public void liftLegalHold(String holdId) {
        purge.delete().uri("/api/legal-holds/{id}", holdId).retrieve().toBodilessEntity();
    }

    /** {@code GET /api/subscribers}. */
    public List<Subscriber> subscribers() {
        return List.of(purge.get().uri("/api/subscribers").retrieve().body(Subscriber[].class));
    }

    /** {@code PUT /api/subscribers/{id}}: registers (or renames) a system that acknowledges every batch. */
    public void registerSubscriber(String subscriberId, String name) {
        purge.put()
                .uri("/api/subscribers/{id}", subscriberId)
                .body(Map.of("name", name == null ? "" : name))
                .retrieve()
                .toBodilessEntity();
    }

    /** {@code GET /api/purges}: the latest 200 purges and plans, newest first. */
    public List<Purge> purges() {
        return List.of(purge.get().uri("/api/purges").retrieve().body(Purge[].class));
    }

    /** {@code GET /api/purges/{id}}: a purge or plan with its preview and batches. */
    public Purge purge(String purgeId) {
        return purge.get().uri("/api/purges/{id}", purgeId).retrieve().body(Purge.class);
    }

    /** {@code POST /api/purges/plans}: a retention plan for a rule, made by the caller. */
    public Purge planRule(String ruleId) {
        return purge.post()
                .uri("/api/purges/plans")
                .body(Map.of("ruleId", ruleId == null ? "" : ruleId))
                .retrieve()
                .body(Purge.class);
    }

    /** {@code POST /api/purges/{id}/approval}: 403 for the plan's creator, 409 for an approved or expired plan. */
    public Purge approve(String purgeId) {
        return purge.post().uri("/api/purges/{id}/approval", purgeId).retrieve().body(Purge.class);
    }

    /** {@code GET /api/purge-log}. */
    public List<PurgeLogEntry> purgeLog() {
        return List.of(purge.get().uri("/api/purge-log").retrieve().body(PurgeLogEntry[].class));
    }

    /**
     * {@code GET /api/purge-log/export.csv}, copied as it arrives (the log grows with every purge; the portal never
     * holds it whole) to the stream {@code target} opens once the service said yes. A refusal throws before that, so
     * the person gets a page instead of a download.
     */
    public void exportPurgeLog(ThrowingSupplier<OutputStream> target) {
        purge.get()
                .uri("/api/purge-log/export.csv")
                .accept(MediaType.parseMediaType("text/csv"))
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    if (status >= 500) {
                        throw new ServiceUnavailable("purge", status);
                    }
                    if (status >= 400) {
                        throw new ServiceProblem("purge", status, null, null, null, List.of());
                    }
                    StreamUtils.copy(response.getBody(), target.get());
                    return null;
                });
    }
}
