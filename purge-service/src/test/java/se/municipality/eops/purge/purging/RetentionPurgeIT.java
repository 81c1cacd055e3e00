package se.municipality.eops.purge.purging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.purge.PurgeFixtures.fromPlatform;
import static se.municipality.eops.purge.PurgeFixtures.get;
import static se.municipality.eops.purge.PurgeFixtures.post;
import static se.municipality.eops.purge.PurgeFixtures.publish;
import static se.municipality.eops.purge.PurgeFixtures.uniqueEService;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.municipality.eops.contract.platform.CaseClosed;
import se.municipality.eops.contract.platform.CaseDeleted;
import se.municipality.eops.contract.platform.CaseSubmitted;
import se.municipality.eops.contract.purge.CasesPurged;
import se.municipality.eops.contract.purge.PurgeCompleted;
import se.municipality.eops.contract.purge.PurgeFailed;
import se.municipality.eops.contract.purge.PurgePlanApproved;
import se.municipality.eops.contract.purge.PurgePlanCreated;
import se.municipality.eops.contract.purge.PurgePlanExpired;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.samples.CaseEventsMother;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import se.municipality.eops.purge.cases.application.CaseImport;
import se.municipality.eops.purge.cases.domain.IndexedCase;
import se.municipality.eops.purge.holds.application.HoldKeeping;
import se.municipality.eops.purge.purging.application.PurgeExecution;
import se.municipality.eops.purge.purging.application.PurgeMaintenance;
import se.municipality.eops.purge.purging.application.PurgeRunner;
import se.municipality.eops.purge.purging.application.PurgeSettings;
import se.municipality.eops.purge.purging.application.RetentionPlanning;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.PurgeCases;
import se.municipality.eops.purge.purging.domain.PurgeLog;
import se.municipality.eops.purge.purging.domain.PurgeStatus;
import se.municipality.eops.purge.purging.domain.Purges;
import se.municipality.eops.purge.purging.domain.Subscribers;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class RetentionPurgeIT {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    CaseImport caseImport;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PurgeMaintenance maintenance;

    @Autowired
    RetentionPlanning planning;

    @Autowired
    Purges purges;

    @Autowired
    PurgeCases purgeCases;

    @Autowired
    PurgeLog purgeLog;

    @Autowired
    Subscribers subscribers;

    @Autowired
    HoldKeeping holds;

    @Autowired
    PurgeSettings settings;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PurgeRunner runner;

    @Test
    void aCaseIsDueFromTheSecondItsPeriodEndsForEitherClock() {
        // Away from month ends, where now minus the period is the latest due clock start (RetentionRuleTest has the
        // month ends). The clock only moves forward, for every test.
        while (clock.instant().atOffset(ZoneOffset.UTC).getDayOfMonth() > 27) {
            clock.advance(Duration.ofDays(1));
        }
        Instant now = clock.instant();
        String bySubmission = uniqueEService();
        Instant submissionCutoff = now.atOffset(ZoneOffset.UTC).minusYears(1).toInstant();
        String dueBySubmission = seed(bySubmission, submissionCutoff.minusSeconds(1), null);
        String exactlyDue = seed(bySubmission, submissionCutoff, null);
        String notYetBySubmission = seed(bySubmission, submissionCutoff.plusSeconds(1), null);
        String byClosure = uniqueEService();
        Instant closureCutoff = now.atOffset(ZoneOffset.UTC).minusMonths(6).toInstant();
        String dueByClosure =
                seed(byClosure, closureCutoff.minusSeconds(3600 * 24 * 400), closureCutoff.minusSeconds(1));
        String notYetByClosure =
                seed(byClosure, closureCutoff.minusSeconds(3600 * 24 * 400), closureCutoff.plusSeconds(1));
        String neverClosed = seed(byClosure, closureCutoff.minusSeconds(3600 * 24 * 400), null);

        JsonNode submissionPlan = plan(rule(bySubmission, "P1Y", "SUBMITTED", "BUN 2024/1"), "arvid");
        JsonNode closurePlan = plan(rule(byClosure, "P6M", "CLOSED", "BUN 2024/2"), "arvid");

        assertThat(submissionPlan.at("/preview/dueCount").asLong()).isEqualTo(2);
        assertThat(Instant.parse(submissionPlan.at("/preview/oldestDue").asString()))
                .isEqualTo(submissionCutoff.minusSeconds(1));
        assertThat(Instant.parse(submissionPlan.at("/preview/newestDue").asString()))
                .isEqualTo(submissionCutoff);
        assertThat(closurePlan.at("/preview/dueCount").asLong()).isEqualTo(1);
        approveAndAwait(submissionPlan.get("purgeId").asString());
        approveAndAwait(closurePlan.get("purgeId").asString());
        assertThat(existing(List.of(dueBySubmission, exactlyDue, notYetBySubmission)))
                .containsExactly(notYetBySubmission);
        assertThat(existing(List.of(dueByClosure, notYetByClosure, neverClosed)))
                .containsExactlyInAnyOrder(notYetByClosure, neverClosed);
    }

    @Test
    void onlyAnArchivistWhoDidNotMakeThePlanMayApproveIt() {
        String eService = uniqueEService();
        String dueCase = seed(eService, Instant.parse("2015-01-01T00:00:00Z"), null);
        String ruleId = rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118");
        assertThat(post(port, "anna", "/api/purges/plans", "{\"ruleId\":\"" + ruleId + "\"}")
                        .status())
                .isEqualTo(403);
        String planId = plan(ruleId, "arvid").get("purgeId").asString();

        HttpAnswer byCreator = post(port, "arvid", "/api/purges/" + planId + "/approval", "{}");
        HttpAnswer byCentralTeam = post(port, "cecilia", "/api/purges/" + planId + "/approval", "{}");
        HttpAnswer byRequester = post(port, "anna", "/api/purges/" + planId + "/approval", "{}");
        HttpAnswer byCaseHandler = post(port, "nils", "/api/purges/" + planId + "/approval", "{}");

        assertThat(byCreator.status()).isEqualTo(403);
        assertThat(byCreator.body()).contains("other than its creator");
        assertThat(byCreator.json().at("/errors/0/field").asString()).isEqualTo("planId");
        assertThat(byCreator.json().at("/errors/0/code").asString()).isEqualTo("own-plan");
        assertThat(List.of(byCentralTeam.status(), byRequester.status(), byCaseHandler.status()))
                .containsOnly(403);
        assertThat(existing(List.of(dueCase))).containsExactly(dueCase);
        HttpAnswer bySecondArchivist = post(port, "astrid", "/api/purges/" + planId + "/approval", "{}");
        assertThat(bySecondArchivist.status()).isEqualTo(200);
        PurgePlanApproved approved =
                PurgeEvents.awaitOne(PurgePlanApproved.class, event -> planId.equals(event.planId()));
        assertThat(approved.createdBy()).isEqualTo("arvid");
        assertThat(approved.approvedBy()).isEqualTo("astrid");
        PurgeEvents.awaitOne(PurgeCompleted.class, event -> planId.equals(event.purgeId()));
        assertThat(existing(List.of(dueCase))).isEmpty();
        HttpAnswer again = post(port, "astrid", "/api/purges/" + planId + "/approval", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/errors/0/code").asString()).isEqualTo("not-awaiting-approval");
        assertThat(again.json().at("/errors/0/params/status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void legalHoldsKeepCasesOutOfPlansEvenWhenSetAfterThePlanWasMade() {
        String eService = uniqueEService();
        Instant old = Instant.parse("2016-03-01T08:00:00Z");
        String heldBeforePlan = seed(eService, old, null);
        String heldAfterPlan = seed(eService, old, null);
        String purgeable = seed(eService, old, null);
        String ruleId = rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118");
        hold("{\"caseId\":\"" + heldBeforePlan + "\",\"reason\":\"Överklagat, JO-anmälan 2026\"}");

        JsonNode plan = plan(ruleId, "arvid");
        assertThat(plan.at("/preview/dueCount").asLong()).isEqualTo(2);
        assertThat(plan.at("/preview/heldBack/0/reason").asString())
                .isEqualTo("legal hold on the case: Överklagat, JO-anmälan 2026");
        assertThat(plan.at("/preview/heldBack/0/count").asLong()).isEqualTo(1);
        hold("{\"caseId\":\"" + heldAfterPlan + "\",\"reason\":\"Begäran om utlämnande\"}");
        String planId = plan.get("purgeId").asString();
        PurgeCompleted completed = approveAndAwait(planId);

        assertThat(completed.purgedCaseCount()).isEqualTo(1);
        assertThat(completed.heldBackCaseCount()).isEqualTo(2);
        assertThat(existing(List.of(heldBeforePlan, heldAfterPlan, purgeable)))
                .containsExactlyInAnyOrder(heldBeforePlan, heldAfterPlan);
        assertThat(PurgeEvents.all(CasesPurged.class, event -> planId.equals(event.purgeId())))
                .singleElement()
                .satisfies(batch -> assertThat(batch.caseIds()).containsExactly(purgeable));
    }

    @Test
    void aHoldOnTheWholeEServiceWinsBeforeAndAfterThePlan() {
        Instant old = Instant.parse("2016-03-01T08:00:00Z");
        String heldEarly = uniqueEService();
        String earlyCase = seed(heldEarly, old, null);
        hold("{\"eServiceId\":\"" + heldEarly + "\",\"reason\":\"Tillsynsärende\"}");
        JsonNode earlyPlan = plan(rule(heldEarly, "P2Y", "SUBMITTED", "SBN 2024/118"), "arvid");
        assertThat(earlyPlan.at("/preview/dueCount").asLong()).isZero();
        assertThat(earlyPlan.at("/preview/heldBack/0/reason").asString())
                .isEqualTo("legal hold on the e-service: Tillsynsärende");

        String heldLate = uniqueEService();
        String lateCase = seed(heldLate, old, null);
        JsonNode latePlan = plan(rule(heldLate, "P2Y", "SUBMITTED", "SBN 2024/118"), "arvid");
        assertThat(latePlan.at("/preview/dueCount").asLong()).isEqualTo(1);
        hold("{\"eServiceId\":\"" + heldLate + "\",\"reason\":\"Tillsynsärende\"}");
        String latePlanId = latePlan.get("purgeId").asString();
        PurgeCompleted completed = approveAndAwait(latePlanId);

        assertThat(completed.purgedCaseCount()).isZero();
        assertThat(completed.heldBackCaseCount()).isEqualTo(1);
        assertThat(PurgeEvents.all(CasesPurged.class, event -> latePlanId.equals(event.purgeId())))
                .singleElement()
                .satisfies(batch -> {
                    assertThat(batch.caseIds()).isEmpty();
                    assertThat(batch.lastBatch()).isTrue();
                    assertThat(batch.totalCaseCount()).isZero();
                });
        assertThat(existing(List.of(earlyCase, lateCase))).containsExactlyInAnyOrder(earlyCase, lateCase);
    }

    @Test
    void aPlanNobodyApprovesExpiresAndFreesItsCases() {
        String eService = uniqueEService();
        String dueCase = seed(eService, Instant.parse("2016-03-01T08:00:00Z"), null);
        String ruleId = rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118");
        String planId = plan(ruleId, "arvid").get("purgeId").asString();

        clock.advance(settings.approvalWindow().minusSeconds(1));
        maintenance.expirePlans();
        assertThat(purges.find(planId).orElseThrow().status().name()).isEqualTo("AWAITING_APPROVAL");
        clock.advance(Duration.ofSeconds(1));
        maintenance.expirePlans();

        PurgePlanExpired expired = PurgeEvents.awaitOne(PurgePlanExpired.class, event -> planId.equals(event.planId()));
        assertThat(expired.eServiceId()).isEqualTo(eService);
        assertThat(expired.ruleId()).isEqualTo(ruleId);
        assertThat(expired.requestPlanIds())
                .as("a plan made by hand answers no request")
                .isNull();
        assertThat(post(port, "astrid", "/api/purges/" + planId + "/approval", "{}")
                        .status())
                .isEqualTo(409);
        assertThat(existing(List.of(dueCase))).containsExactly(dueCase);
        assertThat(plan(ruleId, "arvid").at("/preview/dueCount").asLong()).isEqualTo(1);
    }

    @Test
    void aPurgeInterruptedInTheMiddleIsFinishedByTheRestartCountingEveryCaseOnce() {
        String eService = uniqueEService();
        Instant old = Instant.parse("2015-06-01T08:00:00Z");
        List<IndexedCase> due = IntStream.range(0, 12_500)
                .mapToObj(i -> new IndexedCase("c-" + UUID.randomUUID(), eService, old, null, false, null))
                .toList();
        caseImport.importAll(due);
        String notDue = seed(eService, clock.instant().minusSeconds(60), null);
        String planId = plan(rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118"), "arvid")
                .get("purgeId")
                .asString();
        Purge plan = purges.find(planId).orElseThrow();
        plan.approve("astrid", clock.instant());
        assertThat(purges.save(plan)).isTrue();

        // Batches 1-10 are one step (batches-per-write 10), 11-13 the next. The process dies while deleting the
        // second step: batches 11-13 are recorded and announced, their cases still there.
        PurgeExecution dyingInBatchTwo = new PurgeExecution(
                purges, new FailingOnDelete(purgeCases, 2), purgeLog, subscribers, holds, clock, settings, meters);
        assertThatThrownBy(() -> dyingInBatchTwo.run(planId)).hasMessageContaining("process killed");
        assertThat(purges.find(planId).orElseThrow().purgedCount()).isEqualTo(12_500);
        assertThat(mongo.count(Query.query(Criteria.where("eServiceId").is(eService)), "cases"))
                .isEqualTo(2_501);

        runner.resumeAll(); // what the next start does

        PurgeCompleted completed = PurgeEvents.awaitOne(PurgeCompleted.class, event -> planId.equals(event.purgeId()));
        assertThat(completed.purgedCaseCount()).isEqualTo(12_500);
        List<CasesPurged> batches = PurgeEvents.all(CasesPurged.class, event -> planId.equals(event.purgeId()));
        assertThat(batches)
                .extracting(CasesPurged::batchNumber)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 13).boxed().toList());
        assertThat(batches.stream().flatMap(batch -> batch.caseIds().stream()))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        due.stream().map(IndexedCase::caseId).toList());
        assertThat(mongo.count(Query.query(Criteria.where("eServiceId").is(eService)), "cases"))
                .isEqualTo(1);
        assertThat(existing(List.of(notDue))).containsExactly(notDue);
        assertThat(purgeLog.all().stream().filter(entry -> planId.equals(entry.purgeId())))
                .singleElement()
                .satisfies(entry -> assertThat(entry.purgedCount()).isEqualTo(12_500));
        runner.resumeAll();
        assertThat(PurgeEvents.all(PurgeCompleted.class, event -> planId.equals(event.purgeId())))
                .hasSize(1);
    }

    @Test
    void thePurgeLogHoldsNoPersonalDataAndExportsAsCsv() {
        String eService = uniqueEService();
        String dueCase = seed(eService, Instant.parse("2014-02-03T10:00:00Z"), null);
        String ruleId = rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118");
        String planId = plan(ruleId, "arvid").get("purgeId").asString();
        approveAndAwait(planId);

        HttpAnswer log = get(port, "arvid", "/api/purge-log");
        HttpAnswer csv = get(port, "arvid", "/api/purge-log/export.csv");

        assertThat(log.status()).isEqualTo(200);
        JsonNode entry = null;
        for (JsonNode candidate : log.json()) {
            if (planId.equals(candidate.get("purgeId").asString())) {
                entry = candidate;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.propertyNames())
                .containsExactlyInAnyOrder(
                        "purgeId",
                        "reason",
                        "eServiceId",
                        "ruleId",
                        "ruleVersion",
                        "committee",
                        "decisionReference",
                        "decisionDate",
                        "purgedCount",
                        "heldBackCount",
                        "deletedByPlatformCount",
                        "batchCount",
                        "oldestDue",
                        "newestDue",
                        "createdBy",
                        "approvedBy",
                        "startedAt",
                        "finishedAt");
        assertThat(entry.get("purgedCount").asLong()).isEqualTo(1);
        assertThat(entry.get("ruleVersion").asInt()).isEqualTo(1);
        assertThat(entry.get("decisionReference").asString()).isEqualTo("SBN 2024/118");
        assertThat(entry.get("createdBy").asString()).isEqualTo("arvid");
        assertThat(entry.get("approvedBy").asString()).isEqualTo("astrid");
        assertThat(log.body()).doesNotContain(dueCase);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType().toString()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("purgeId,reason,eServiceId,ruleId,ruleVersion,committee");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith(
                                planId + ",RETENTION," + eService + "," + ruleId + ",1,Barn- och utbildningsnämnden,")
                        .contains(",SBN 2024/118,2024-05-21,")
                        .contains(",1,0,0,1,2014-02-03T10:00:00Z,2014-02-03T10:00:00Z,arvid,astrid,"));
        assertThat(csv.body()).doesNotContain(dueCase);
        assertThat(get(port, "anna", "/api/purge-log").status()).isEqualTo(403);
    }

    @Test
    void aRetentionRequestGetsAPlanForTheRuleOnItsDecisionOrAFailure() {
        String eService = uniqueEService();
        seed(eService, Instant.parse("2015-01-01T00:00:00Z"), null);
        String ruleId = rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118");
        RequestSubmitted matching = retentionRequest(eService, "sbn  2024/118");
        RequestSubmitted unknownDecision = retentionRequest(eService, "KFN 2020/7");

        publish(matching, "/eops/request-service");
        publish(unknownDecision, "/eops/request-service");

        PurgePlanCreated created = PurgeEvents.awaitOne(
                PurgePlanCreated.class, event -> matching.requestId().equals(event.requestId()));
        assertThat(created.ruleId()).isEqualTo(ruleId);
        assertThat(created.ruleVersion()).isEqualTo(1);
        assertThat(created.dueCaseCount()).isEqualTo(1);
        assertThat(created.createdBy()).isEqualTo(matching.requester().userId());
        PurgeFailed failed = PurgeEvents.awaitOne(
                PurgeFailed.class, event -> unknownDecision.requestId().equals(event.requestId()));
        assertThat(failed.failure()).contains("KFN 2020/7");
        // The requester is no archivist; any archivist approves.
        assertThat(post(port, "arvid", "/api/purges/" + created.planId() + "/approval", "{}")
                        .status())
                .isEqualTo(200);
        CasesPurged purged = PurgeEvents.awaitOne(
                CasesPurged.class, event -> matching.requestId().equals(event.requestId()));
        assertThat(purged.planId()).isEqualTo(created.planId());
        assertThat(purged.decisionReference()).isEqualTo("SBN 2024/118");
    }

    @Test
    void aRetentionRequestWithNothingDueIsAnsweredAtOnceWithoutAPlanToApprove() {
        String eService = uniqueEService();
        String notYetDue = seed(eService, clock.instant().minusSeconds(3600), null);
        String held = seed(eService, Instant.parse("2015-01-01T00:00:00Z"), null);
        hold("{\"caseId\":\"" + held + "\",\"reason\":\"Överklagat\"}");
        String ruleId = rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118");
        RequestSubmitted request = retentionRequest(eService, "SBN 2024/118");

        publish(request, "/eops/request-service");

        PurgeCompleted completed = PurgeEvents.awaitOne(
                PurgeCompleted.class, event -> request.requestId().equals(event.requestId()));
        assertThat(completed.purgedCaseCount()).isZero();
        assertThat(completed.heldBackCaseCount()).isEqualTo(1);
        assertThat(completed.ruleId()).isEqualTo(ruleId);
        assertThat(completed.decisionReference()).isEqualTo("SBN 2024/118");
        assertThat(PurgeEvents.all(
                        PurgePlanCreated.class, event -> request.requestId().equals(event.requestId())))
                .isEmpty();
        Purge purge = purges.find(completed.purgeId()).orElseThrow();
        assertThat(purge.status().name()).isEqualTo("COMPLETED");
        assertThat(purge.approvedBy()).isNull();
        assertThat(purgeLog.all().stream().filter(entry -> entry.purgeId().equals(completed.purgeId())))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.requestId()).isEqualTo(request.requestId());
                    assertThat(entry.purgedCount()).isZero();
                    assertThat(entry.heldBackCount()).isEqualTo(1);
                });
        assertThat(existing(List.of(notYetDue, held))).containsExactlyInAnyOrder(notYetDue, held);
    }

    @Test
    void aRetentionRequestGetsAPlanOnlyForItsRulesWithDueCases() {
        String eService = uniqueEService();
        String dueCase = seed(eService, Instant.parse("2020-01-01T00:00:00Z"), null);
        String withDueCases = rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118");
        String nothingDue = rule(eService, "P2Y", "CLOSED", "SBN 2024/118");
        RequestSubmitted request = retentionRequest(eService, "SBN 2024/118");

        publish(request, "/eops/request-service");

        PurgePlanCreated created = PurgeEvents.awaitOne(
                PurgePlanCreated.class, event -> request.requestId().equals(event.requestId()));
        assertThat(created.ruleId()).isEqualTo(withDueCases);
        assertThat(created.requestPlanIds()).as("the request's only plan").containsExactly(created.planId());
        assertThat(purges.find("plan-" + request.requestId() + "-" + nothingDue))
                .isEmpty();
        assertThat(PurgeEvents.all(
                        PurgeCompleted.class, event -> request.requestId().equals(event.requestId())))
                .isEmpty();
        assertThat(existing(List.of(dueCase))).containsExactly(dueCase);
    }

    @Test
    void aRetentionRequestWhoseDecisionCoversTwoRulesWithDueCasesGetsTwoPlansEachListingBoth() {
        String eService = uniqueEService();
        String dueBySubmission = seed(eService, Instant.parse("2010-01-01T00:00:00Z"), null);
        String dueByClosure =
                seed(eService, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"));
        String bySubmission = rule(eService, "P10Y", "SUBMITTED", "SBN 2024/118");
        String byClosure = rule(eService, "P2Y", "CLOSED", "SBN 2024/118");
        RequestSubmitted request = retentionRequest(eService, "SBN 2024/118");
        String planBySubmission = "plan-" + request.requestId() + "-" + bySubmission;
        String planByClosure = "plan-" + request.requestId() + "-" + byClosure;

        publish(request, "/eops/request-service");

        List<PurgePlanCreated> created = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> PurgeEvents.all(
                                PurgePlanCreated.class,
                                event -> request.requestId().equals(event.requestId())),
                        found -> found.size() == 2);
        assertThat(created)
                .extracting(PurgePlanCreated::planId)
                .containsExactlyInAnyOrder(planBySubmission, planByClosure);
        assertThat(created).allSatisfy(plan -> {
            assertThat(plan.requestPlanIds()).containsExactlyInAnyOrder(planBySubmission, planByClosure);
            assertThat(plan.dueCaseCount()).as("each rule's own case").isEqualTo(1);
        });
        assertThat(created.get(0).requestPlanIds()).isEqualTo(created.get(1).requestPlanIds());

        approve(planBySubmission);
        PurgeCompleted first =
                PurgeEvents.awaitOne(PurgeCompleted.class, event -> planBySubmission.equals(event.purgeId()));
        assertThat(first.requestPlanIds()).containsExactlyInAnyOrder(planBySubmission, planByClosure);
        assertThat(first.purgedCaseCount()).isEqualTo(1);
        assertThat(purges.find(planByClosure).orElseThrow().status()).isEqualTo(PurgeStatus.AWAITING_APPROVAL);
        assertThat(existing(List.of(dueBySubmission, dueByClosure))).containsExactly(dueByClosure);

        approve(planByClosure);
        PurgeCompleted second =
                PurgeEvents.awaitOne(PurgeCompleted.class, event -> planByClosure.equals(event.purgeId()));
        assertThat(second.requestPlanIds()).isEqualTo(first.requestPlanIds());
        assertThat(PurgeEvents.all(
                        PurgePlanApproved.class, event -> request.requestId().equals(event.requestId())))
                .hasSize(2)
                .allSatisfy(approved -> assertThat(approved.requestPlanIds()).isEqualTo(first.requestPlanIds()));
        assertThat(existing(List.of(dueBySubmission, dueByClosure))).isEmpty();
    }

    @Test
    void aRetentionRequestPlannedAgainAfterACrashMakesTheMissingPlanWithTheSameList() {
        String eService = uniqueEService();
        seed(eService, Instant.parse("2010-01-01T00:00:00Z"), null);
        seed(eService, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"));
        String bySubmission = rule(eService, "P10Y", "SUBMITTED", "SBN 2024/118");
        String byClosure = rule(eService, "P2Y", "CLOSED", "SBN 2024/118");
        String requestId = "req-" + UUID.randomUUID();
        String planByClosure = "plan-" + requestId + "-" + byClosure;
        planning.planForRequest(requestId, eService, "SBN 2024/118", "anna");
        List<String> listed = purges.find(planByClosure).orElseThrow().requestPlanIds();
        // As if the process died after storing the first plan: the second was never stored.
        mongo.remove(Query.query(Criteria.where("_id").is(planByClosure)), "purges");

        planning.planForRequest(requestId, eService, "SBN 2024/118", "anna");

        assertThat(listed).containsExactlyInAnyOrder("plan-" + requestId + "-" + bySubmission, planByClosure);
        Purge remade = purges.find(planByClosure).orElseThrow();
        assertThat(remade.requestPlanIds()).isEqualTo(listed);
        assertThat(remade.preview().dueCount()).isEqualTo(1);
        assertThat(purges.ofRequest(requestId))
                .extracting(Purge::requestPlanIds)
                .containsOnly(listed);
    }

    @Test
    void aRetentionRequestWithNothingDueUnderTwoRulesIsAnsweredByAPurgeOfNothingPerRuleEachListingBoth() {
        String eService = uniqueEService();
        seed(eService, clock.instant().minusSeconds(3600), null);
        String bySubmission = rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118");
        String byClosure = rule(eService, "P2Y", "CLOSED", "SBN 2024/118");
        RequestSubmitted request = retentionRequest(eService, "SBN 2024/118");
        List<String> both = List.of(
                "plan-" + request.requestId() + "-" + bySubmission, "plan-" + request.requestId() + "-" + byClosure);

        publish(request, "/eops/request-service");

        List<PurgeCompleted> completed = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> PurgeEvents.all(
                                PurgeCompleted.class,
                                event -> request.requestId().equals(event.requestId())),
                        found -> found.size() == 2);
        assertThat(completed).extracting(PurgeCompleted::purgeId).containsExactlyInAnyOrderElementsOf(both);
        assertThat(completed)
                .allSatisfy(purge -> assertThat(purge.requestPlanIds()).containsExactlyInAnyOrderElementsOf(both));
        assertThat(PurgeEvents.all(
                        PurgePlanCreated.class, event -> request.requestId().equals(event.requestId())))
                .isEmpty();
    }

    @Test
    void theScheduleMakesNoPlanForARuleWithNothingDue() {
        String eService = uniqueEService();
        seed(eService, clock.instant().minusSeconds(3600), null);
        String ruleId = rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118");

        planning.planAllRules();

        assertThat(purges.withStatus(PurgeStatus.AWAITING_APPROVAL).stream()
                        .filter(plan -> eService.equals(plan.eServiceId())))
                .isEmpty();
        assertThat(PurgeEvents.all(PurgePlanCreated.class, event -> ruleId.equals(event.ruleId())))
                .isEmpty();
    }

    @Test
    void aRetentionRequestMatchingARuleWithAPeriodBeyondTheBoundIsAnsweredWithPurgeFailed() {
        String eService = uniqueEService();
        seed(eService, Instant.parse("2015-01-01T00:00:00Z"), null);
        // A rule stored before periods were bounded.
        String legacyRule = "a-legacy-rule-" + UUID.randomUUID();
        mongo.insert(
                new Document("_id", legacyRule + ":1")
                        .append("ruleId", legacyRule)
                        .append("version", 1)
                        .append("eServiceId", eService)
                        .append("committee", "Kulturnämnden")
                        .append("decisionReference", "KN 2019/3")
                        .append("retentionPeriod", "P300000000Y")
                        .append("clockStart", "SUBMITTED")
                        .append("active", true)
                        .append("changedBy", "cecilia")
                        .append("changedAt", new java.util.Date()),
                "retention_rule_versions");
        try {
            RequestSubmitted request = retentionRequest(eService, "KN 2019/3");

            publish(request, "/eops/request-service");

            PurgeFailed failed = PurgeEvents.awaitOne(
                    PurgeFailed.class, event -> request.requestId().equals(event.requestId()));
            assertThat(failed.failure()).contains(legacyRule).contains("P300000000Y");
            assertThat(failed.eServiceId()).isEqualTo(eService);
            assertThat(PurgeEvents.all(
                            PurgePlanCreated.class, event -> request.requestId().equals(event.requestId())))
                    .isEmpty();
        } finally {
            mongo.remove(Query.query(Criteria.where("ruleId").is(legacyRule)), "retention_rule_versions");
        }
    }

    @Test
    void aRuleChangeIsANewVersionAndPlansRecordTheVersionTheyUsed() {
        String eService = uniqueEService();
        seed(eService, Instant.parse("2015-01-01T00:00:00Z"), null);
        String ruleId = rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118");
        String change = "{\"version\":1,\"committee\":\"Barn- och utbildningsnämnden\",\"planRowReference\":\"3.2.1\","
                + "\"decisionReference\":\"BUN 2026/9\",\"decisionDate\":\"2026-02-01\",\"retentionPeriod\":\"P3Y\","
                + "\"clockStart\":\"SUBMITTED\"}";

        HttpAnswer changed = TestHttpPut.put(port, "cecilia", "/api/retention-rules/" + ruleId, change);
        HttpAnswer stale = TestHttpPut.put(port, "arvid", "/api/retention-rules/" + ruleId, change);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("version").asInt()).isEqualTo(2);
        assertThat(changed.json().get("changedBy").asString()).isEqualTo("cecilia");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().at("/errors/0/field").asString()).isEqualTo("version");
        assertThat(stale.json().at("/errors/0/code").asString()).isEqualTo("changed-meanwhile");
        JsonNode versions = get(port, "arvid", "/api/retention-rules/" + ruleId + "/versions")
                .json();
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).get("retentionPeriod").asString()).isEqualTo("P2Y");
        assertThat(versions.get(1).get("decisionReference").asString()).isEqualTo("BUN 2026/9");
        JsonNode plan = plan(ruleId, "arvid");
        assertThat(plan.at("/rule/version").asInt()).isEqualTo(2);
        assertThat(plan.at("/rule/decisionReference").asString()).isEqualTo("BUN 2026/9");
    }

    @Test
    void aPurgeDecisionDatedAfterTodayInStockholmIsRefusedWhenARuleIsMadeOrChanged() {
        String eService = uniqueEService();
        // "Today" is Stockholm's: late in the UTC evening it is tomorrow there already.
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Stockholm"));
        String made = "{\"eServiceId\":\"" + eService + "\",\"committee\":\"Barn- och utbildningsnämnden\","
                + "\"decisionReference\":\"SBN 2099/1\",\"decisionDate\":\"%s\",\"retentionPeriod\":\"P2Y\","
                + "\"clockStart\":\"SUBMITTED\"}";

        HttpAnswer tomorrow = post(port, "cecilia", "/api/retention-rules", made.formatted(today.plusDays(1)));
        HttpAnswer farAhead = post(port, "cecilia", "/api/retention-rules", made.formatted("2099-01-01"));

        for (HttpAnswer refused : List.of(tomorrow, farAhead)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("decisionDate");
            assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("in-future");
            assertThat(refused.json().at("/errors/0/params/today").asString()).isEqualTo(today.toString());
        }
        assertThat(get(port, "cecilia", "/api/retention-rules?eServiceId=" + eService)
                        .json()
                        .size())
                .as("no rule made")
                .isZero();

        HttpAnswer decidedToday = post(port, "cecilia", "/api/retention-rules", made.formatted(today));
        assertThat(decidedToday.status()).as(decidedToday.body()).isEqualTo(201);
        String ruleId = decidedToday.json().get("ruleId").asString();
        HttpAnswer changedToTheFuture = TestHttpPut.put(
                port,
                "cecilia",
                "/api/retention-rules/" + ruleId,
                "{\"version\":1,\"committee\":\"Barn- och utbildningsnämnden\",\"decisionReference\":\"SBN 2099/1\","
                        + "\"decisionDate\":\"2099-01-01\",\"retentionPeriod\":\"P2Y\",\"clockStart\":\"SUBMITTED\"}");
        assertThat(changedToTheFuture.status()).as(changedToTheFuture.body()).isEqualTo(400);
        assertThat(changedToTheFuture.json().at("/errors/0/field").asString()).isEqualTo("decisionDate");
        assertThat(changedToTheFuture.json().at("/errors/0/code").asString()).isEqualTo("in-future");
        assertThat(get(port, "cecilia", "/api/retention-rules/" + ruleId + "/versions")
                        .json()
                        .size())
                .as("no new version")
                .isEqualTo(1);
    }

    @Test
    void theScheduleMakesAPlanForEveryRuleWithDueCasesInNoOtherPlan() {
        String eService = uniqueEService();
        String dueCase = seed(eService, Instant.parse("2015-01-01T00:00:00Z"), null);
        String ruleId = rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118");

        planning.planAllRules();
        planning.planAllRules();

        List<PurgePlanCreated> plans = PurgeEvents.all(PurgePlanCreated.class, event -> ruleId.equals(event.ruleId()));
        assertThat(plans).singleElement().satisfies(plan -> {
            assertThat(plan.createdBy()).isEqualTo(RetentionPlanning.SCHEDULER);
            assertThat(plan.dueCaseCount()).isEqualTo(1);
        });
        // The case is the scheduled plan's: a plan made by hand finds nothing due that is free.
        assertThat(plan(ruleId, "arvid").at("/preview/dueCount").asLong()).isZero();
        assertThat(existing(List.of(dueCase))).containsExactly(dueCase);
    }

    @Test
    void aCaseThePlatformDeletedBeforeItsBatchRanIsNeitherCountedNorAnnouncedAsPurged() {
        String eService = uniqueEService();
        Instant old = Instant.parse("2016-03-01T08:00:00Z");
        String deletedByPlatform = seed(eService, old, null);
        String purgedByUs = seed(eService, old, null);
        String planId = plan(rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118"), "arvid")
                .get("purgeId")
                .asString();

        fromPlatform(new CaseDeleted(UUID.randomUUID(), deletedByPlatform, Instant.now(), eService, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> existing(List.of(deletedByPlatform)).isEmpty());
        PurgeCompleted completed = approveAndAwait(planId);

        assertThat(completed.purgedCaseCount()).isEqualTo(1);
        assertThat(completed.heldBackCaseCount()).isZero();
        assertThat(PurgeEvents.all(CasesPurged.class, event -> planId.equals(event.purgeId())))
                .flatExtracting(CasesPurged::caseIds)
                .containsExactly(purgedByUs);
        assertThat(purgeLog.all().stream().filter(entry -> planId.equals(entry.purgeId())))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.purgedCount()).isEqualTo(1);
                    assertThat(entry.deletedByPlatformCount()).isEqualTo(1);
                    assertThat(entry.heldBackCount()).isZero();
                });
    }

    @Test
    void casesClaimedByAPlanWhoseMakingCrashedBeforeItWasStoredGoToTheNextPlan() {
        String eService = uniqueEService();
        String dueCase = seed(eService, Instant.parse("2016-03-01T08:00:00Z"), null);
        String ruleId = rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118");
        // What a crash between claiming the cases and storing an API-made plan (random id) leaves: its batch only.
        String crashedPlan = "plan-" + UUID.randomUUID();
        mongo.insert(
                new Document("_id", crashedPlan + ":1")
                        .append("purgeId", crashedPlan)
                        .append("eServiceId", eService)
                        .append("number", 1)
                        .append("caseIds", List.of(dueCase)),
                "purge_batches");

        JsonNode plan = plan(ruleId, "arvid");

        assertThat(plan.at("/preview/dueCount").asLong()).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("purgeId").is(crashedPlan)), "purge_batches"))
                .isZero();
        assertThat(approveAndAwait(plan.get("purgeId").asString()).purgedCaseCount())
                .isEqualTo(1);
        assertThat(existing(List.of(dueCase))).isEmpty();
    }

    @Test
    void aCaseSubmittedRedeliveredAfterItsCaseWasPurgedDoesNotBringItBack() {
        String eService = uniqueEService();
        CaseSubmitted submitted = CaseEventsMother.submitted(
                CaseEventsMother.newCaseId(), eService, Instant.parse("2016-03-01T08:00:00Z"), false);
        fromPlatform(submitted);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !existing(List.of(submitted.caseId())).isEmpty());
        String planId = plan(rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118"), "arvid")
                .get("purgeId")
                .asString();
        assertThat(approveAndAwait(planId).purgedCaseCount()).isEqualTo(1);
        assertThat(mongo.find(
                        Query.query(Criteria.where("caseIds").is(submitted.caseId())),
                        Document.class,
                        "purged_case_ids"))
                .singleElement()
                .satisfies(tombstone -> {
                    assertThat(tombstone.keySet()).containsExactlyInAnyOrder("_id", "purgeId", "caseIds");
                    assertThat(tombstone.getString("purgeId")).isEqualTo(planId);
                });

        // The record that the event was applied expires (after eops.consumer.applied-retention); then it comes again.
        Query applied = Query.query(Criteria.where("consumer")
                .is("purge-case-index")
                .and("eventId")
                .is(submitted.eventId().toString()));
        assertThat(mongo.remove(applied, "processed_events").getDeletedCount()).isEqualTo(1);
        fromPlatform(submitted);
        // A later event of the same case (same partition): once it is applied, the redelivery before it was too.
        CaseClosed marker =
                CaseEventsMother.closed(submitted.caseId(), eService, Instant.parse("2016-04-01T08:00:00Z"));
        fromPlatform(marker);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.exists(
                        Query.query(Criteria.where("consumer")
                                .is("purge-case-index")
                                .and("eventId")
                                .is(marker.eventId().toString())),
                        "processed_events"));

        assertThat(mongo.exists(applied, "processed_events")).isTrue();
        assertThat(existing(List.of(submitted.caseId()))).isEmpty();
    }

    @Test
    void anInactiveRuleGetsNoPlanAndAPlanWhoseRuleWasDeactivatedIsNeitherApprovedNorExecuted() {
        String eService = uniqueEService();
        String dueCase = seed(eService, Instant.parse("2015-01-01T00:00:00Z"), null);
        HttpAnswer inactiveRule = post(port, "cecilia", "/api/retention-rules", ruleBody(eService, "P2Y", false, null));
        assertThat(inactiveRule.status()).as(inactiveRule.body()).isEqualTo(201);

        HttpAnswer refused = post(
                port,
                "arvid",
                "/api/purges/plans",
                "{\"ruleId\":\"" + inactiveRule.json().get("ruleId").asString() + "\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("ruleId");
        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("rule-inactive");
        String ruleId = rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118");
        String planId = plan(ruleId, "arvid").get("purgeId").asString();
        HttpAnswer deactivated =
                TestHttpPut.put(port, "cecilia", "/api/retention-rules/" + ruleId, ruleBody(null, "P2Y", false, 1));
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);

        HttpAnswer approval = post(port, "astrid", "/api/purges/" + planId + "/approval", "{}");

        assertThat(approval.status()).as(approval.body()).isEqualTo(409);
        assertThat(approval.json().at("/errors/0/field").asString()).isEqualTo("ruleId");
        assertThat(approval.json().at("/errors/0/code").asString()).isEqualTo("rule-inactive");
        assertThat(approval.json().at("/errors/0/params/version").asInt()).isEqualTo(2);
        maintenance.run();
        runner.resumeAll();
        assertThat(purges.find(planId).orElseThrow().status().name()).isEqualTo("AWAITING_APPROVAL");
        assertThat(existing(List.of(dueCase))).containsExactly(dueCase);
        assertThat(PurgeEvents.all(PurgePlanApproved.class, event -> planId.equals(event.planId())))
                .isEmpty();
    }

    @Test
    void aPlanWhoseRuleChangedSinceItWasMadeIsNotApproved() {
        String eService = uniqueEService();
        String dueCase = seed(eService, Instant.parse("2015-01-01T00:00:00Z"), null);
        String ruleId = rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118");
        String planId = plan(ruleId, "arvid").get("purgeId").asString();
        HttpAnswer changed =
                TestHttpPut.put(port, "cecilia", "/api/retention-rules/" + ruleId, ruleBody(null, "P3Y", true, 1));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        HttpAnswer approval = post(port, "astrid", "/api/purges/" + planId + "/approval", "{}");

        assertThat(approval.status()).as(approval.body()).isEqualTo(409);
        assertThat(approval.json().at("/errors/0/field").asString()).isEqualTo("ruleId");
        assertThat(approval.json().at("/errors/0/code").asString()).isEqualTo("rule-changed");
        assertThat(approval.json().at("/errors/0/params/planVersion").asInt()).isEqualTo(1);
        assertThat(approval.json().at("/errors/0/params/currentVersion").asInt())
                .isEqualTo(2);
        assertThat(purges.find(planId).orElseThrow().status().name()).isEqualTo("AWAITING_APPROVAL");
        assertThat(existing(List.of(dueCase))).containsExactly(dueCase);
    }

    @Test
    void aRuleTheScheduleCannotPlanIsLoggedAndCountedAndTheOtherRulesArePlanned() {
        String eService = uniqueEService();
        String dueCase = seed(eService, Instant.parse("2015-01-01T00:00:00Z"), null);
        String ruleId = rule(eService, "P2Y", "SUBMITTED", "SBN 2024/118");
        // A rule stored before periods were bounded, whose id sorts before every other: the schedule meets it first.
        String legacyRule = "a-legacy-rule-" + UUID.randomUUID();
        mongo.insert(
                new Document("_id", legacyRule + ":1")
                        .append("ruleId", legacyRule)
                        .append("version", 1)
                        .append("eServiceId", uniqueEService())
                        .append("committee", "Kulturnämnden")
                        .append("decisionReference", "KN 2019/3")
                        .append("retentionPeriod", "P300000000Y")
                        .append("clockStart", "SUBMITTED")
                        .append("active", true)
                        .append("changedBy", "cecilia")
                        .append("changedAt", new java.util.Date()),
                "retention_rule_versions");
        double failuresBefore = meters.counter("eops.purge.planning.failures").count();
        try {
            planning.planAllRules();

            assertThat(PurgeEvents.awaitOne(PurgePlanCreated.class, event -> ruleId.equals(event.ruleId()))
                            .dueCaseCount())
                    .isEqualTo(1);
            assertThat(meters.counter("eops.purge.planning.failures").count()).isEqualTo(failuresBefore + 1);
            HttpAnswer byHand = post(port, "arvid", "/api/purges/plans", "{\"ruleId\":\"" + legacyRule + "\"}");
            assertThat(byHand.status()).as(byHand.body()).isEqualTo(409);
            assertThat(byHand.json().at("/errors/0/field").asString()).isEqualTo("retentionPeriod");
            assertThat(byHand.json().at("/errors/0/code").asString()).isEqualTo("out-of-range");
            assertThat(get(port, "arvid", "/api/retention-rules/" + legacyRule).status())
                    .isEqualTo(200);
            assertThat(existing(List.of(dueCase))).containsExactly(dueCase);
        } finally {
            mongo.remove(Query.query(Criteria.where("ruleId").is(legacyRule)), "retention_rule_versions");
        }
    }

    @Test
    void aRetentionPeriodBeyondTwoHundredYearsIsRefusedNamingIt() {
        String ruleId = rule(uniqueEService(), "P200Y", "SUBMITTED", "SBN 2024/118");
        for (String absurd : List.of("P300000000Y", "P2147483647Y", "P200Y1D")) {
            HttpAnswer created =
                    post(port, "cecilia", "/api/retention-rules", ruleBody(uniqueEService(), absurd, true, null));
            HttpAnswer changed =
                    TestHttpPut.put(port, "cecilia", "/api/retention-rules/" + ruleId, ruleBody(null, absurd, true, 1));

            for (HttpAnswer refused : List.of(created, changed)) {
                assertThat(refused.status()).as(absurd + ": " + refused.body()).isEqualTo(400);
                assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("retentionPeriod");
                assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("out-of-range");
                assertThat(refused.json().at("/errors/0/params/max").asString()).isEqualTo("P200Y");
            }
        }
        assertThat(get(port, "arvid", "/api/retention-rules/" + ruleId + "/versions")
                        .json()
                        .size())
                .isEqualTo(1);
    }

    @Test
    void rememberingABatchAgainNeverTakesAnIdFromItsTombstone() {
        String purgeId = "plan-" + UUID.randomUUID();
        String purged = "c-" + UUID.randomUUID();
        String heldLater = "c-" + UUID.randomUUID();

        purgeCases.rememberPurged(purgeId, Map.of(1, List.of(purged, heldLater)));
        // A second runner of the same purge, which found one of the cases held by then and lost the purge's write.
        purgeCases.rememberPurged(purgeId, Map.of(1, List.of(purged)));

        Document tombstone = mongo.findById(purgeId + ":1", Document.class, "purged_case_ids");
        assertThat(tombstone).isNotNull();
        assertThat(tombstone.keySet()).containsExactlyInAnyOrder("_id", "purgeId", "caseIds");
        assertThat(tombstone.getString("purgeId")).isEqualTo(purgeId);
        assertThat(tombstone.getList("caseIds", String.class)).containsExactlyInAnyOrder(purged, heldLater);

        // The other order: the runner that found fewer cases wrote first; the winner's ids are added to its tombstone.
        String otherPurgeId = "plan-" + UUID.randomUUID();
        purgeCases.rememberPurged(otherPurgeId, Map.of(1, List.of(purged)));
        purgeCases.rememberPurged(otherPurgeId, Map.of(1, List.of(purged, heldLater), 2, List.of(heldLater)));

        Document first = mongo.findById(otherPurgeId + ":1", Document.class, "purged_case_ids");
        assertThat(first.getList("caseIds", String.class)).containsExactlyInAnyOrder(purged, heldLater);
        Document second = mongo.findById(otherPurgeId + ":2", Document.class, "purged_case_ids");
        assertThat(second.getList("caseIds", String.class)).containsExactly(heldLater);
        assertThat(second.getString("purgeId")).isEqualTo(otherPurgeId);
    }

    /** A rule's body; {@code eService} null for a change (it keeps its e-service), {@code version} for a change. */
    private static String ruleBody(String eService, String period, boolean active, Integer version) {
        return "{" + (eService == null ? "" : "\"eServiceId\":\"" + eService + "\",")
                + (version == null ? "" : "\"version\":" + version + ",")
                + "\"committee\":\"Barn- och utbildningsnämnden\",\"decisionReference\":\"SBN 2024/118\","
                + "\"decisionDate\":\"2024-05-21\",\"retentionPeriod\":\"" + period + "\","
                + "\"clockStart\":\"SUBMITTED\",\"active\":" + active + "}";
    }

    private PurgeCompleted approveAndAwait(String planId) {
        HttpAnswer approved = post(port, "astrid", "/api/purges/" + planId + "/approval", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return PurgeEvents.awaitOne(PurgeCompleted.class, event -> planId.equals(event.purgeId()));
    }

    private String rule(String eService, String period, String clockStart, String decision) {
        HttpAnswer created = post(
                port,
                "cecilia",
                "/api/retention-rules",
                "{\"eServiceId\":\"" + eService + "\",\"committee\":\"Barn- och utbildningsnämnden\","
                        + "\"decisionReference\":\"" + decision + "\",\"decisionDate\":\"2024-05-21\","
                        + "\"retentionPeriod\":\"" + period + "\",\"clockStart\":\"" + clockStart + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("ruleId").asString();
    }

    @Test
    void aLegalHoldWithoutAReasonOrWithTooLongAOneIsRefusedNamingTheFieldAndItsKind() {
        HttpAnswer blank = post(port, "arvid", "/api/legal-holds", "{\"caseId\":\"c-no-reason\",\"reason\":\" \"}");
        HttpAnswer tooLong = post(
                port,
                "arvid",
                "/api/legal-holds",
                "{\"caseId\":\"c-long-reason\",\"reason\":\"" + "x".repeat(501) + "\"}");

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().at("/errors/0/field").asString()).isEqualTo("reason");
        assertThat(blank.json().at("/errors/0/code").asString()).isEqualTo("required");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().at("/errors/0/field").asString()).isEqualTo("reason");
        assertThat(tooLong.json().at("/errors/0/code").asString()).isEqualTo("too-long");
        assertThat(tooLong.json().at("/errors/0/params/max").asInt()).isEqualTo(500);
    }

    private JsonNode plan(String ruleId, String user) {
        HttpAnswer plan = post(port, user, "/api/purges/plans", "{\"ruleId\":\"" + ruleId + "\"}");
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        return plan.json();
    }

    private void approve(String planId) {
        HttpAnswer approved = post(port, "arvid", "/api/purges/" + planId + "/approval", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    private void hold(String body) {
        HttpAnswer hold = post(port, "arvid", "/api/legal-holds", body);
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
    }

    private String seed(String eService, Instant submittedAt, Instant closedAt) {
        String caseId = "c-" + UUID.randomUUID();
        caseImport.importAll(List.of(new IndexedCase(caseId, eService, submittedAt, closedAt, false, null)));
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

    private static RequestSubmitted retentionRequest(String eService, String decision) {
        return new RequestSubmitted(
                UUID.randomUUID(),
                "req-" + UUID.randomUUID(),
                Instant.now(),
                RequestType.PURGE,
                RequestSubmittedMother.administrator(),
                null,
                new PurgeRequest(
                        PurgeRequest.PurgeKind.RETENTION,
                        eService,
                        null,
                        "Barn- och utbildningsnämnden",
                        decision,
                        null),
                null);
    }

    /** The real cases store, except that the process "dies" instead of its {@code dieAt}-th bulk deletion. */
    private static final class FailingOnDelete implements PurgeCases {

        private final PurgeCases real;
        private final int dieAt;
        private int deletes;

        FailingOnDelete(PurgeCases real, int dieAt) {
            this.real = real;
            this.dieAt = dieAt;
        }

        @Override
        public void delete(List<String> caseIds) {
            if (++deletes == dieAt) {
                throw new IllegalStateException("process killed while deleting step " + dieAt);
            }
            real.delete(caseIds);
        }

        @Override
        public Selection claimTestCases(String purgeId, String eServiceId, Exclusions exclusions, int batchSize) {
            return real.claimTestCases(purgeId, eServiceId, exclusions, batchSize);
        }

        @Override
        public Selection claimDue(
                String purgeId,
                String eServiceId,
                String clockStart,
                Instant cutoff,
                String caseType,
                Exclusions exclusions,
                int batchSize) {
            return real.claimDue(purgeId, eServiceId, clockStart, cutoff, caseType, exclusions, batchSize);
        }

        @Override
        public long countDue(String eServiceId, String clockStart, Instant cutoff, String caseType) {
            return real.countDue(eServiceId, clockStart, cutoff, caseType);
        }

        @Override
        public long countTestCases(String eServiceId) {
            return real.countTestCases(eServiceId);
        }

        @Override
        public List<TakenBatch> take(String purgeId, int from, int to) {
            return real.take(purgeId, from, to);
        }

        @Override
        public boolean withdrawDeletedByPlatform(String caseId) {
            return real.withdrawDeletedByPlatform(caseId);
        }

        @Override
        public void rememberPurged(String purgeId, Map<Integer, List<String>> caseIdsByBatch) {
            real.rememberPurged(purgeId, caseIdsByBatch);
        }

        @Override
        public void dropBatches(String purgeId) {
            real.dropBatches(purgeId);
        }

        @Override
        public long dropBatchesOfClosedPurges(String eServiceId, Collection<String> openPurges) {
            return real.dropBatchesOfClosedPurges(eServiceId, openPurges);
        }
    }
}
