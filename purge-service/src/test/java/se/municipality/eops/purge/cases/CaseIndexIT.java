package se.municipality.eops.purge.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.purge.PurgeFixtures.fromPlatform;
import static se.municipality.eops.purge.PurgeFixtures.uniqueEService;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.platform.CaseClosed;
import se.municipality.eops.contract.platform.CaseDeleted;
import se.municipality.eops.contract.platform.CaseSubmitted;
import se.municipality.eops.contract.samples.CaseEventsMother;
import se.municipality.eops.purge.cases.application.CaseImport;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.RawKafka;
import se.municipality.eops.testkit.ServiceIntegrationTest;

@ServiceIntegrationTest
class CaseIndexIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CaseImport caseImport;

    @Test
    void indexesOnlyWhatRetentionNeedsAndADuplicateChangesNothing() {
        String eService = uniqueEService();
        CaseSubmitted submitted = CaseEventsMother.submitted(
                CaseEventsMother.newCaseId(), eService, Instant.parse("2022-01-10T09:00:00Z"), true);

        fromPlatform(submitted);
        Document indexed = awaitCase(submitted.caseId());
        fromPlatform(CaseEventsMother.closed(submitted.caseId(), eService, Instant.parse("2022-02-01T10:00:00Z")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> caseDocument(submitted.caseId()).containsKey("closedAt"));
        // The same submission again (a redelivery), and the same case in a new event: the index keeps what it has.
        fromPlatform(submitted);
        fromPlatform(new CaseSubmitted(
                UUID.randomUUID(), submitted.caseId(), Instant.now(), eService, Instant.now(), false, null));
        // Events of one case share a partition and are applied in order: once this one shows, those before did.
        Instant markerClosedAt = Instant.parse("2022-03-01T10:00:00Z");
        fromPlatform(CaseEventsMother.closed(submitted.caseId(), eService, markerClosedAt));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> markerClosedAt.equals(
                        caseDocument(submitted.caseId()).getDate("closedAt").toInstant()));

        Document stored = caseDocument(submitted.caseId());
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "eServiceId", "submittedAt", "test", "closedAt");
        assertThat(stored.getDate("submittedAt").toInstant()).isEqualTo(Instant.parse("2022-01-10T09:00:00Z"));
        assertThat(stored.getBoolean("test")).isTrue();
        assertThat(indexed.getString("eServiceId")).isEqualTo(eService);
        assertThat(mongo.count(Query.query(Criteria.where("eServiceId").is(eService)), "cases"))
                .isEqualTo(1);
    }

    @Test
    void aCaseThePlatformDeletedLeavesTheIndex() {
        CaseSubmitted submitted = CaseEventsMother.submitted(
                CaseEventsMother.newCaseId(), uniqueEService(), Instant.parse("2023-05-01T08:00:00Z"), false);
        fromPlatform(submitted);
        awaitCase(submitted.caseId());

        fromPlatform(new CaseDeleted(
                UUID.randomUUID(), submitted.caseId(), Instant.now(), submitted.eServiceId(), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> caseDocument(submitted.caseId()) == null);
    }

    @Test
    void aCaseEventBreakingItsSchemaGoesToTheDeadLetterTopic() {
        String caseId = CaseEventsMother.newCaseId();
        String withoutEService = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"caseId\":\"" + caseId
                + "\",\"occurredAt\":\"2026-11-27T10:00:00Z\",\"submittedAt\":\"2026-11-27T10:00:00Z\",\"test\":false}";

        RawKafka.send(
                Topics.PLATFORM_CASE_EVENTS,
                caseId,
                withoutEService.getBytes(StandardCharsets.UTF_8),
                Map.of(
                        CloudEventHeaders.TYPE,
                        "CaseSubmitted",
                        CloudEventHeaders.ID,
                        UUID.randomUUID().toString()));

        PublishedEvents.get()
                .awaitOne(
                        "error." + Topics.PLATFORM_CASE_EVENTS + ".purge-service",
                        "CaseSubmitted",
                        dead -> caseId.equals(dead.key()));
        assertThat(caseDocument(caseId)).isNull();
    }

    @Test
    void importsABacklogInBulkAndAgainOnlyWhatIsMissing() throws Exception {
        String eService = uniqueEService();
        String ndjson = IntStream.range(0, 2_500)
                .mapToObj(i -> "{\"caseId\":\"" + eService + "-" + i + "\",\"eServiceId\":\"" + eService
                        + "\",\"submittedAt\":\"2019-0" + (1 + i % 9) + "-01T08:00:00Z\""
                        + (i % 2 == 0 ? ",\"closedAt\":\"2020-01-01T08:00:00Z\"" : "") + ",\"test\":" + (i % 10 == 0)
                        + "}")
                .collect(Collectors.joining("\n"));

        CaseImport.Result first =
                caseImport.importNdjson(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)));
        CaseImport.Result again =
                caseImport.importNdjson(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)));

        assertThat(first).isEqualTo(new CaseImport.Result(2_500, 2_500));
        assertThat(again).isEqualTo(new CaseImport.Result(2_500, 0));
        assertThat(mongo.count(Query.query(Criteria.where("eServiceId").is(eService)), "cases"))
                .isEqualTo(2_500);
        assertThat(mongo.count(
                        Query.query(Criteria.where("eServiceId")
                                .is(eService)
                                .and("test")
                                .is(true)),
                        "cases"))
                .isEqualTo(250);
    }

    @Test
    void aCaseThePlatformDeletedComesBackNeitherFromARedeliveryNorFromAnImport() throws Exception {
        String eService = uniqueEService();
        CaseSubmitted submitted = CaseEventsMother.submitted(
                CaseEventsMother.newCaseId(), eService, Instant.parse("2023-05-01T08:00:00Z"), false);
        fromPlatform(submitted);
        awaitCase(submitted.caseId());
        fromPlatform(new CaseDeleted(UUID.randomUUID(), submitted.caseId(), Instant.now(), eService, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> caseDocument(submitted.caseId()) == null);

        // The CaseSubmitted again once the record of its first delivery expired, then a later event of the case (same
        // partition): once that one is applied, the redelivery was too.
        Query applied = applied(submitted.eventId());
        assertThat(mongo.remove(applied, "processed_events").getDeletedCount()).isEqualTo(1);
        fromPlatform(submitted);
        CaseClosed marker =
                CaseEventsMother.closed(submitted.caseId(), eService, Instant.parse("2023-06-01T08:00:00Z"));
        fromPlatform(marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(applied(marker.eventId()), "processed_events"));
        CaseImport.Result imported = caseImport.importNdjson(ndjson("{\"caseId\":\"" + submitted.caseId()
                + "\",\"eServiceId\":\"" + eService + "\",\"submittedAt\":\"2023-05-01T08:00:00Z\",\"test\":false}"));

        assertThat(mongo.exists(applied, "processed_events")).isTrue();
        assertThat(imported).isEqualTo(new CaseImport.Result(1, 0));
        assertThat(caseDocument(submitted.caseId())).isNull();
        Document trace = mongo.findById(submitted.caseId(), Document.class, "deleted_case_ids");
        assertThat(trace).isNotNull();
        assertThat(trace.keySet()).containsExactly("_id");
    }

    @Test
    void aCaseClosedBeforeTheImportReachedItsCaseIsClosedWhenItArrives() throws Exception {
        String eService = uniqueEService();
        String caseId = CaseEventsMother.newCaseId();
        Instant closedAt = Instant.parse("2021-03-01T08:00:00Z");
        CaseClosed closed = CaseEventsMother.closed(caseId, eService, closedAt);
        fromPlatform(closed);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(applied(closed.eventId()), "processed_events"));
        assertThat(caseDocument(caseId)).isNull();

        CaseImport.Result imported = caseImport.importNdjson(ndjson("{\"caseId\":\"" + caseId + "\",\"eServiceId\":\""
                + eService + "\",\"submittedAt\":\"2021-01-10T08:00:00Z\",\"test\":false}"));

        assertThat(imported).isEqualTo(new CaseImport.Result(1, 1));
        assertThat(caseDocument(caseId).getDate("closedAt").toInstant()).isEqualTo(closedAt);
        assertThat(mongo.findById(caseId, Document.class, "early_case_closures"))
                .isNull();
    }

    private static Query applied(UUID eventId) {
        return Query.query(
                Criteria.where("consumer").is("purge-case-index").and("eventId").is(eventId.toString()));
    }

    private static ByteArrayInputStream ndjson(String lines) {
        return new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8));
    }

    private Document awaitCase(String caseId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> caseDocument(caseId), document -> document != null);
    }

    private Document caseDocument(String caseId) {
        return mongo.findById(caseId, Document.class, "cases");
    }
}
