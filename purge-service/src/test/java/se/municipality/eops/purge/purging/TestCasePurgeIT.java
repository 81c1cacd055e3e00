package se.municipality.eops.purge.purging;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.purge.PurgeFixtures.publish;
import static se.municipality.eops.purge.PurgeFixtures.uniqueEService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.municipality.eops.contract.publication.ReviewApproved;
import se.municipality.eops.contract.purge.CasesPurged;
import se.municipality.eops.contract.purge.PurgeCompleted;
import se.municipality.eops.contract.purge.PurgeReason;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.samples.PublicationMother;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import se.municipality.eops.purge.cases.application.CaseImport;
import se.municipality.eops.purge.cases.domain.IndexedCase;
import se.municipality.eops.testkit.ServiceIntegrationTest;

@ServiceIntegrationTest
class TestCasePurgeIT {

    @Autowired
    CaseImport caseImport;

    @Autowired
    MongoTemplate mongo;

    @Test
    void reviewApprovedDeletesEveryTestCaseOfTheEServiceAndNoRealCase() {
        String eService = uniqueEService();
        List<String> testCases = seed(eService, 3, true);
        List<String> realCases = seed(eService, 2, false);
        List<String> otherEServicesTestCase = seed(uniqueEService(), 1, true);
        ReviewApproved approved = reviewApproved(eService);

        publish(approved, "/eops/publication-service");

        CasesPurged purged = PurgeEvents.awaitOne(
                CasesPurged.class, event -> approved.reviewId().equals(event.reviewId()));
        assertThat(purged.reason()).isEqualTo(PurgeReason.TEST_CASES);
        assertThat(purged.eServiceId()).isEqualTo(eService);
        assertThat(purged.requestId()).isEqualTo(approved.requestId());
        assertThat(purged.batchNumber()).isEqualTo(1);
        assertThat(purged.lastBatch()).isTrue();
        assertThat(purged.caseIds()).containsExactlyInAnyOrderElementsOf(testCases);
        assertThat(purged.totalCaseCount()).isEqualTo(3);
        PurgeCompleted completed = PurgeEvents.awaitOne(
                PurgeCompleted.class, event -> approved.reviewId().equals(event.reviewId()));
        assertThat(completed.purgedCaseCount()).isEqualTo(3);
        assertThat(existing(testCases)).isEmpty();
        assertThat(existing(realCases)).containsExactlyInAnyOrderElementsOf(realCases);
        assertThat(existing(otherEServicesTestCase)).hasSize(1);
    }

    @Test
    void aRedeliveredReviewApprovedChangesNothing() {
        String eService = uniqueEService();
        seed(eService, 2, true);
        ReviewApproved approved = reviewApproved(eService);
        publish(approved, "/eops/publication-service");
        PurgeEvents.awaitOne(PurgeCompleted.class, event -> approved.reviewId().equals(event.reviewId()));
        List<String> lateTestCase = seed(eService, 1, true);

        publish(approved, "/eops/publication-service");
        // Key = e-service id: a later review of the same e-service is read after the redelivery.
        ReviewApproved later = reviewApproved(eService);
        publish(later, "/eops/publication-service");

        CasesPurged laterPurge = PurgeEvents.awaitOne(
                CasesPurged.class, event -> later.reviewId().equals(event.reviewId()));
        assertThat(laterPurge.caseIds()).containsExactlyElementsOf(lateTestCase);
        assertThat(PurgeEvents.all(
                        CasesPurged.class, event -> approved.reviewId().equals(event.reviewId())))
                .hasSize(1);
        assertThat(PurgeEvents.all(
                        PurgeCompleted.class, event -> approved.reviewId().equals(event.reviewId())))
                .hasSize(1);
    }

    @Test
    void aTestCasePurgeRequestWithNoTestCasesStillAnswersWithZero() {
        String eService = uniqueEService();
        seed(eService, 2, false);
        RequestSubmitted request = testCasePurgeRequest(eService);

        publish(request, "/eops/request-service");

        CasesPurged purged = PurgeEvents.awaitOne(
                CasesPurged.class, event -> request.requestId().equals(event.requestId()));
        assertThat(purged.batchNumber()).isEqualTo(1);
        assertThat(purged.lastBatch()).isTrue();
        assertThat(purged.caseIds()).isEmpty();
        assertThat(purged.totalCaseCount()).isZero();
        assertThat(purged.purgeId()).isEqualTo("purge-" + request.requestId());
        assertThat(mongo.count(Query.query(Criteria.where("eServiceId").is(eService)), "cases"))
                .isEqualTo(2);
    }

    @Test
    void manyTestCasesGoOutInBatchesOfAtMostAThousand() {
        String eService = uniqueEService();
        List<String> testCases = seed(eService, 2_001, true);
        RequestSubmitted request = testCasePurgeRequest(eService);

        publish(request, "/eops/request-service");

        PurgeEvents.awaitOne(PurgeCompleted.class, event -> request.requestId().equals(event.requestId()));
        List<CasesPurged> batches =
                PurgeEvents.all(CasesPurged.class, event -> request.requestId().equals(event.requestId()));
        assertThat(batches).extracting(CasesPurged::batchNumber).containsExactly(1, 2, 3);
        assertThat(batches).extracting(batch -> batch.caseIds().size()).containsExactly(1000, 1000, 1);
        assertThat(batches).extracting(CasesPurged::lastBatch).containsExactly(false, false, true);
        assertThat(batches.get(2).totalCaseCount()).isEqualTo(2_001);
        assertThat(batches.stream().flatMap(batch -> batch.caseIds().stream()))
                .containsExactlyInAnyOrderElementsOf(testCases);
        assertThat(existing(testCases)).isEmpty();
    }

    private List<String> seed(String eService, int count, boolean test) {
        List<IndexedCase> cases = new ArrayList<>();
        IntStream.range(0, count)
                .forEach(i -> cases.add(new IndexedCase(
                        "c-" + UUID.randomUUID(), eService, Instant.parse("2026-10-01T08:00:00Z"), null, test, null)));
        caseImport.importAll(cases);
        return cases.stream().map(IndexedCase::caseId).toList();
    }

    private List<String> existing(List<String> caseIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(caseIds)), org.bson.Document.class, "cases").stream()
                .map(document -> document.getString("_id"))
                .toList();
    }

    static ReviewApproved reviewApproved(String eService) {
        ReviewApproved sample = PublicationMother.reviewApproved();
        return new ReviewApproved(
                UUID.randomUUID(),
                eService,
                Instant.now(),
                "req-" + UUID.randomUUID(),
                "rev-" + UUID.randomUUID(),
                sample.eServiceName(),
                sample.versionLabel(),
                sample.approvals());
    }

    static RequestSubmitted testCasePurgeRequest(String eService) {
        return new RequestSubmitted(
                UUID.randomUUID(),
                "req-" + UUID.randomUUID(),
                Instant.now(),
                RequestType.PURGE,
                RequestSubmittedMother.administrator(),
                null,
                new PurgeRequest(PurgeRequest.PurgeKind.TEST_CASES, eService, "Parkeringstillstånd", null, null, null),
                null);
    }
}
