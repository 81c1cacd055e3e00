package se.municipality.eops.purge.purging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.purge.PurgeFixtures.get;
import static se.municipality.eops.purge.PurgeFixtures.post;
import static se.municipality.eops.purge.PurgeFixtures.publish;
import static se.municipality.eops.purge.PurgeFixtures.uniqueEService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.purge.CasesPurged;
import se.municipality.eops.contract.purge.PurgeCompleted;
import se.municipality.eops.contract.purge.PurgePlanApproved;
import se.municipality.eops.contract.purge.PurgePlanCreated;
import se.municipality.eops.contract.purge.PurgePlanExpired;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.contract.samples.RequestLifecycleMother;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import se.municipality.eops.purge.cases.application.CaseImport;
import se.municipality.eops.purge.cases.domain.IndexedCase;
import se.municipality.eops.purge.purging.application.PurgeMaintenance;
import se.municipality.eops.purge.purging.application.PurgeRunner;
import se.municipality.eops.purge.purging.application.PurgeSettings;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.PurgeLog;
import se.municipality.eops.purge.purging.domain.PurgeStatus;
import se.municipality.eops.purge.purging.domain.Purges;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A requester withdraws a RETENTION purge request, or the central team rejects it: its plan awaiting approval stops,
 * and nothing is purged.
 */
@ServiceIntegrationTest
class WithdrawnPurgeRequestIT {

    /** The request consumer's name in the starter's record of applied events. */
    private static final String REQUEST_CONSUMER = "purge-requests";

    private static final Instant OLD = Instant.parse("2015-01-01T00:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    CaseImport caseImport;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Purges purges;

    @Autowired
    PurgeLog purgeLog;

    @Autowired
    PurgeMaintenance maintenance;

    @Autowired
    PurgeRunner runner;

    @Autowired
    PurgeSettings settings;

    @Test
    void aWithdrawnRetentionRequestStopsItsPlanAwaitingApprovalAndNothingIsPurged() {
        String eService = uniqueEService();
        String dueCase = seed(eService, OLD);
        String ruleId = rule(eService);
        RequestSubmitted request = retentionRequest(eService);
        String planId = planOf(request);
        RequestWithdrawn withdrawn = withdrawalOf(request);

        publish(withdrawn, "/eops/request-service");

        awaitStatus(planId, PurgeStatus.WITHDRAWN);
        JsonNode plan = get(port, "arvid", "/api/purges/" + planId).json();
        assertThat(plan.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(plan.get("withdrawnBy").asString()).isEqualTo(withdrawn.withdrawnBy());
        assertThat(Instant.parse(plan.get("withdrawnAt").asString())).isEqualTo(clock.instant());
        assertThat(plan.has("approvedBy")).isFalse();
        HttpAnswer approval = post(port, "astrid", "/api/purges/" + planId + "/approval", "{}");
        assertThat(approval.status()).isEqualTo(409);
        assertThat(approval.json().at("/errors/0/field").asString()).isEqualTo("planId");
        assertThat(approval.json().at("/errors/0/code").asString()).isEqualTo("not-awaiting-approval");
        assertThat(approval.json().at("/errors/0/params/status").asString()).isEqualTo("WITHDRAWN");
        // Neither the expiry job nor a restart's resumption takes it up.
        clock.advance(settings.approvalWindow().plusSeconds(1));
        maintenance.expirePlans();
        runner.resumeAll();
        assertThat(purges.find(planId).orElseThrow().status()).isEqualTo(PurgeStatus.WITHDRAWN);
        assertThat(existing(List.of(dueCase))).containsExactly(dueCase);
        assertThat(PurgeEvents.all(PurgePlanApproved.class, event -> planId.equals(event.planId())))
                .isEmpty();
        assertThat(PurgeEvents.all(PurgePlanExpired.class, event -> planId.equals(event.planId())))
                .isEmpty();
        assertThat(PurgeEvents.all(CasesPurged.class, event -> planId.equals(event.purgeId())))
                .isEmpty();
        assertThat(PurgeEvents.all(PurgeCompleted.class, event -> planId.equals(event.purgeId())))
                .isEmpty();
        assertThat(purgeLog.all()).noneMatch(entry -> planId.equals(entry.purgeId()));
        // It claims the case no more: its batches are gone and a new plan of the rule takes the case.
        assertThat(mongo.count(Query.query(Criteria.where("purgeId").is(planId)), "purge_batches"))
                .isZero();
        HttpAnswer newPlan = post(port, "arvid", "/api/purges/plans", "{\"ruleId\":\"" + ruleId + "\"}");
        assertThat(newPlan.status()).as(newPlan.body()).isEqualTo(201);
        assertThat(newPlan.json().at("/preview/dueCount").asLong()).isEqualTo(1);
    }

    @Test
    void anApprovalReadBeforeTheWithdrawalWasStoredLosesToIt() {
        String eService = uniqueEService();
        String dueCase = seed(eService, OLD);
        rule(eService);
        RequestSubmitted request = retentionRequest(eService);
        String planId = planOf(request);
        // What PlanApproval does, cut in two: the archivist's approval reads the plan before the withdrawal is stored
        // and writes after it.
        Purge readByTheApproval = purges.find(planId).orElseThrow();

        publish(withdrawalOf(request), "/eops/request-service");
        awaitStatus(planId, PurgeStatus.WITHDRAWN);
        readByTheApproval.approve("astrid", clock.instant());

        assertThat(purges.save(readByTheApproval)).isFalse();
        assertThat(purges.find(planId).orElseThrow().status()).isEqualTo(PurgeStatus.WITHDRAWN);
        runner.resumeAll();
        assertThat(existing(List.of(dueCase))).containsExactly(dueCase);
        assertThat(PurgeEvents.all(PurgePlanApproved.class, event -> planId.equals(event.planId())))
                .isEmpty();
    }

    @Test
    void aWithdrawalAfterThePlanWasExecutedChangesNothing() {
        String eService = uniqueEService();
        String dueCase = seed(eService, OLD);
        rule(eService);
        RequestSubmitted request = retentionRequest(eService);
        String planId = planOf(request);
        HttpAnswer approval = post(port, "astrid", "/api/purges/" + planId + "/approval", "{}");
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        PurgeEvents.awaitOne(PurgeCompleted.class, event -> planId.equals(event.purgeId()));
        Instant finishedAt = purges.find(planId).orElseThrow().finishedAt();
        RequestWithdrawn withdrawn = withdrawalOf(request);

        publish(withdrawn, "/eops/request-service");
        awaitApplied(withdrawn);

        Purge after = purges.find(planId).orElseThrow();
        assertThat(after.status()).isEqualTo(PurgeStatus.COMPLETED);
        assertThat(after.finishedAt()).isEqualTo(finishedAt);
        assertThat(after.withdrawnBy()).isNull();
        assertThat(after.withdrawnAt()).isNull();
        JsonNode view = get(port, "arvid", "/api/purges/" + planId).json();
        assertThat(view.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(view.has("withdrawnBy")).isFalse();
        assertThat(existing(List.of(dueCase))).isEmpty();
        assertThat(purgeLog.all().stream().filter(entry -> planId.equals(entry.purgeId())))
                .singleElement()
                .satisfies(entry -> assertThat(entry.purgedCount()).isEqualTo(1));
        assertThat(PurgeEvents.all(PurgeCompleted.class, event -> planId.equals(event.purgeId())))
                .hasSize(1);
    }

    @Test
    void theSameWithdrawalDeliveredAgainChangesNothing() {
        String eService = uniqueEService();
        String dueCase = seed(eService, OLD);
        rule(eService);
        RequestSubmitted request = retentionRequest(eService);
        String planId = planOf(request);
        RequestWithdrawn withdrawn = withdrawalOf(request);
        publish(withdrawn, "/eops/request-service");
        awaitStatus(planId, PurgeStatus.WITHDRAWN);
        awaitApplied(withdrawn);
        Purge first = purges.find(planId).orElseThrow();
        clock.advance(Duration.ofMinutes(5));

        // Again while the starter remembers it, then again after that record expired (the domain's own guard).
        publish(withdrawn, "/eops/request-service");
        assertThat(mongo.remove(applied(withdrawn), "processed_events").getDeletedCount())
                .isEqualTo(1);
        publish(withdrawn, "/eops/request-service");
        // A later event of the same request (same key, same partition): once it is applied, the ones before it were.
        RequestWithdrawn later = withdrawalOf(request);
        publish(later, "/eops/request-service");
        awaitApplied(later);

        assertThat(mongo.exists(applied(withdrawn), "processed_events")).isTrue();
        Purge after = purges.find(planId).orElseThrow();
        assertThat(after.status()).isEqualTo(PurgeStatus.WITHDRAWN);
        assertThat(after.version()).isEqualTo(first.version());
        assertThat(after.withdrawnAt()).isEqualTo(first.withdrawnAt());
        assertThat(after.withdrawnBy()).isEqualTo(first.withdrawnBy());
        assertThat(existing(List.of(dueCase))).containsExactly(dueCase);
        assertThat(PurgeEvents.all(CasesPurged.class, event -> planId.equals(event.purgeId())))
                .isEmpty();
    }

    @Test
    void aWithdrawalOfARequestThisServiceDoesNotKnowIsAppliedAndChangesNothing() {
        RequestWithdrawn unknown = withdrawalOf(retentionRequest(uniqueEService()));

        publish(unknown, "/eops/request-service");

        awaitApplied(unknown);
        assertThat(purges.ofRequest(unknown.requestId())).isEmpty();
    }

    @Test
    void aTeamRejectionStopsItsPlanAwaitingApprovalAsAWithdrawalDoesAndAgainChangesNothing() {
        String eService = uniqueEService();
        String dueCase = seed(eService, OLD);
        rule(eService);
        RequestSubmitted request = retentionRequest(eService);
        String planId = planOf(request);
        RequestRejected rejected = rejectionOf(request, RequestRejected.ReasonCode.REJECTED_BY_TEAM);

        publish(rejected, "/eops/request-service");

        awaitStatus(planId, PurgeStatus.WITHDRAWN);
        JsonNode plan = get(port, "arvid", "/api/purges/" + planId).json();
        assertThat(plan.get("withdrawnBy").asString()).isEqualTo(rejected.rejectedBy());
        assertThat(plan.get("withdrawnBecause").asString()).isEqualTo("REJECTED_BY_TEAM");
        assertThat(Instant.parse(plan.get("withdrawnAt").asString())).isEqualTo(clock.instant());
        HttpAnswer approval = post(port, "astrid", "/api/purges/" + planId + "/approval", "{}");
        assertThat(approval.status()).isEqualTo(409);
        assertThat(approval.json().at("/errors/0/code").asString()).isEqualTo("not-awaiting-approval");
        assertThat(approval.json().at("/errors/0/params/status").asString()).isEqualTo("WITHDRAWN");
        assertThat(mongo.count(Query.query(Criteria.where("purgeId").is(planId)), "purge_batches"))
                .isZero();
        awaitApplied(rejected);
        Purge first = purges.find(planId).orElseThrow();
        // Again after the starter's record of it expired, then the requester's withdrawal: nothing changes.
        assertThat(mongo.remove(applied(rejected), "processed_events").getDeletedCount())
                .isEqualTo(1);
        publish(rejected, "/eops/request-service");
        RequestWithdrawn withdrawn = withdrawalOf(request);
        publish(withdrawn, "/eops/request-service");
        awaitApplied(withdrawn);
        clock.advance(settings.approvalWindow().plusSeconds(1));
        maintenance.run();
        runner.resumeAll();

        Purge after = purges.find(planId).orElseThrow();
        assertThat(after.status()).isEqualTo(PurgeStatus.WITHDRAWN);
        assertThat(after.version()).isEqualTo(first.version());
        assertThat(after.withdrawnBy()).isEqualTo(rejected.rejectedBy());
        assertThat(after.withdrawnBecause()).isEqualTo(Purge.WithdrawalCause.REJECTED_BY_TEAM);
        assertThat(existing(List.of(dueCase))).containsExactly(dueCase);
        assertThat(PurgeEvents.all(PurgePlanApproved.class, event -> planId.equals(event.planId())))
                .isEmpty();
        assertThat(PurgeEvents.all(CasesPurged.class, event -> planId.equals(event.purgeId())))
                .isEmpty();
        assertThat(purgeLog.all()).noneMatch(entry -> planId.equals(entry.purgeId()));
    }

    @Test
    void aRejectionForAnotherReasonLeavesThePlanAwaitingApproval() {
        String eService = uniqueEService();
        seed(eService, OLD);
        rule(eService);
        RequestSubmitted request = retentionRequest(eService);
        String planId = planOf(request);
        RequestRejected refused = rejectionOf(request, RequestRejected.ReasonCode.PURGE_REFUSED);

        publish(refused, "/eops/request-service");
        awaitApplied(refused);

        Purge plan = purges.find(planId).orElseThrow();
        assertThat(plan.status()).isEqualTo(PurgeStatus.AWAITING_APPROVAL);
        assertThat(plan.withdrawnBy()).isNull();
        assertThat(post(port, "astrid", "/api/purges/" + planId + "/approval", "{}")
                        .status())
                .isEqualTo(200);
        PurgeEvents.awaitOne(PurgeCompleted.class, event -> planId.equals(event.purgeId()));
    }

    /** The central team's rejection of this PURGE request, as request-service publishes it; a fresh event id. */
    private static RequestRejected rejectionOf(RequestSubmitted request, RequestRejected.ReasonCode reasonCode) {
        RequestRejected sample = RequestLifecycleMother.rejectedByTeam();
        return new RequestRejected(
                UUID.randomUUID(),
                request.requestId(),
                Instant.now(),
                request.requester(),
                RequestType.PURGE,
                request.purge().eServiceId(),
                null,
                reasonCode == RequestRejected.ReasonCode.REJECTED_BY_TEAM ? sample.rejectedBy() : "purge-service",
                reasonCode,
                sample.reason(),
                null);
    }

    /** Submits the RETENTION request and waits for the plan it makes (one rule: one plan). */
    private String planOf(RequestSubmitted request) {
        publish(request, "/eops/request-service");
        PurgePlanCreated created = PurgeEvents.awaitOne(
                PurgePlanCreated.class, event -> request.requestId().equals(event.requestId()));
        assertThat(purges.find(created.planId()).orElseThrow().status()).isEqualTo(PurgeStatus.AWAITING_APPROVAL);
        return created.planId();
    }

    private void awaitStatus(String planId, PurgeStatus status) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> purges.find(planId).orElseThrow().status() == status);
    }

    /** Waits until the request consumer recorded the event as applied (its handler succeeded). */
    private void awaitApplied(DomainEvent event) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(applied(event), "processed_events"));
    }

    private static Query applied(DomainEvent event) {
        return Query.query(Criteria.where("consumer")
                .is(REQUEST_CONSUMER)
                .and("eventId")
                .is(event.eventId().toString()));
    }

    private String rule(String eService) {
        HttpAnswer created = post(
                port,
                "cecilia",
                "/api/retention-rules",
                "{\"eServiceId\":\"" + eService + "\",\"committee\":\"Stadsbyggnadsnämnden\","
                        + "\"decisionReference\":\"SBN 2024/118\",\"decisionDate\":\"2024-05-21\","
                        + "\"retentionPeriod\":\"P2Y\",\"clockStart\":\"SUBMITTED\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("ruleId").asString();
    }

    private String seed(String eService, Instant submittedAt) {
        String caseId = "c-" + UUID.randomUUID();
        caseImport.importAll(List.of(new IndexedCase(caseId, eService, submittedAt, null, false, null)));
        return caseId;
    }

    private List<String> existing(List<String> caseIds) {
        List<String> found = new ArrayList<>();
        for (String caseId : caseIds) {
            if (mongo.findById(caseId, Document.class, "cases") != null) {
                found.add(caseId);
            }
        }
        return found;
    }

    private static RequestSubmitted retentionRequest(String eService) {
        return new RequestSubmitted(
                UUID.randomUUID(),
                "req-" + UUID.randomUUID(),
                Instant.now(),
                RequestType.PURGE,
                RequestSubmittedMother.administrator(),
                null,
                new PurgeRequest(
                        PurgeRequest.PurgeKind.RETENTION, eService, null, "Stadsbyggnadsnämnden", "SBN 2024/118", null),
                null);
    }

    /** The contract's sample withdrawal, of this PURGE request, by its requester; a fresh event id each time. */
    private static RequestWithdrawn withdrawalOf(RequestSubmitted request) {
        RequestWithdrawn sample = RequestLifecycleMother.withdrawn();
        return new RequestWithdrawn(
                UUID.randomUUID(),
                request.requestId(),
                Instant.now(),
                request.requester(),
                RequestType.PURGE,
                request.purge().eServiceId(),
                request.requester().userId(),
                sample.reason());
    }
}
