package se.municipality.eops.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.client.RestClient;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.starter.StarterTestApplication.RequestRecorder;
import se.municipality.eops.starter.messaging.EventEffects;
import se.municipality.eops.starter.messaging.EventEffects.Outcome;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.starter.messaging.IdempotentConsumer;
import se.municipality.eops.starter.messaging.IncomingEvent;
import se.municipality.eops.starter.outbox.PendingEvent;
import se.municipality.eops.starter.outbox.PublicationPath;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.RawKafka;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

@ServiceIntegrationTest
class StarterIT {

    private static final String DEAD_LETTERS = "error." + Topics.REQUEST_EVENTS + ".starter-test";
    private static final String COUNTERS = "test_counters";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    StarterTestApplication.ProducerConfigurations producers;

    @Autowired
    RequestRecorder recorder;

    @Autowired
    EventEffects effects;

    @Autowired
    @Qualifier("recordRequests")
    Consumer<Message<byte[]>> recordRequests;

    @Autowired
    StarterTestApplication.Publications publications;

    @Autowired
    StarterTestApplication.MongoCommands commands;

    final PublishedEvents events = PublishedEvents.get();

    @Test
    void publishesEventsRightAfterTheWriteAsCloudEvents() {
        String id = "agg-" + UUID.randomUUID();
        RestClient.create("http://localhost:" + port)
                .post()
                .uri("/test-aggregates/" + id)
                .retrieve()
                .toBodilessEntity();

        CapturedEvent event = events.awaitOne(Topics.REQUEST_EVENTS, "RequestSubmitted", e -> id.equals(e.key()));

        assertThat(publications.pathByEventId)
                .as("this event was published by its write, not by the sweep")
                .containsEntry(event.header(CloudEventHeaders.ID), PublicationPath.AFTER_WRITE);
        assertThat(event.headers())
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CloudEventHeaders.SOURCE, "/eops/starter-test")
                .containsEntry(CloudEventHeaders.SUBJECT, id)
                .containsEntry(CloudEventHeaders.SCHEMA_VERSION, "1")
                .containsEntry(CloudEventHeaders.DATA_SCHEMA, "urn:eops:schema:RequestSubmitted:1")
                .containsKeys(CloudEventHeaders.ID, CloudEventHeaders.TIME);
        await().untilAsserted(() -> assertThat(pendingOf(id)).isEmpty());
    }

    @Test
    void publishesEventsThatACrashLeftInTheDocument() {
        // The state of a crash: the write happened, the publication after it never ran.
        String id = "crashed-" + UUID.randomUUID();
        double sweptBefore = publishedCount("sweep");
        PendingEvent pending = PendingEvent.of(StarterTestApplication.sampleEvent(id));
        mongo.getCollection(StarterTestApplication.AGGREGATES)
                .insertOne(new Document("_id", id)
                        .append("state", "created")
                        .append("pendingEvents", List.of(asDocument(pending))));

        events.awaitOne(Topics.REQUEST_EVENTS, "RequestSubmitted", e -> id.equals(e.key()));
        await().untilAsserted(() -> assertThat(pendingOf(id)).isEmpty());
        assertThat(publications.pathByEventId).containsEntry(pending.eventId(), PublicationPath.SWEEP);
        assertThat(publishedCount("sweep")).isGreaterThan(sweptBefore);
    }

    @Test
    void appliesARedeliveredEventOnlyOnce() {
        String id = "redelivered-" + UUID.randomUUID();
        RestClient.create("http://localhost:" + port)
                .post()
                .uri("/test-aggregates/" + id)
                .retrieve()
                .toBodilessEntity();
        CapturedEvent event = events.awaitOne(Topics.REQUEST_EVENTS, "RequestSubmitted", e -> id.equals(e.key()));
        await().until(() -> appliedCount(id) == 1);

        RawKafka.redeliver(event);
        RawKafka.redeliver(event);
        // A later event with the same key lands on the same partition, so once it is applied the
        // redeliveries before it have been handled too.
        String marker = sendValidEvent(id);

        await().until(() -> appliedEventIds(id).contains(marker));
        assertThat(appliedCount(id)).isEqualTo(2);
    }

    /**
     * The check is a find by {@code _id}, which every server answers from the index; not a count (an aggregation),
     * which the local MongoDB-protocol server ran over every event the suite ever applied.
     */
    @Test
    void looksUpWhetherAnEventWasAppliedByItsKeyAlone() {
        String id = "looked-up-" + UUID.randomUUID();
        String eventId = sendValidEvent(id);
        await().until(() -> appliedEventIds(id).contains(eventId));

        Set<String> key = Set.of("starter-test-recorder:" + eventId);
        assertThat(commands.matching("find", IdempotentConsumer.COLLECTION, key))
                .hasSize(1);
        assertThat(commands.matching("aggregate", IdempotentConsumer.COLLECTION, key))
                .isEmpty();
    }

    @Test
    void aFailureBetweenTheHandlersWriteAndTheRecordOfTheEventLeavesOneEffect() {
        // The recorder fails once right after its write, as a crash before the starter records the
        // event would; the binder delivers the event again.
        String id = RequestRecorder.FAIL_AFTER_WRITE + UUID.randomUUID();
        String failedOnce = sendValidEvent(id);
        // Same key, same partition: once this one is applied, the retries before it are over.
        String marker = sendValidEvent(id);

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedEventIds(id).contains(marker));
        assertThat(recorder.failedAfterWrite).contains(UUID.fromString(failedOnce));
        assertThat(appliedEventIds(id)).containsExactlyInAnyOrder(failedOnce, marker);
    }

    @Test
    void twoDeliveriesOfOneEventAtOnceLeaveOneEffect() throws Exception {
        // What a rebalance does: the partition's new owner gets the event while the old one still
        // applies it. The recorder lets neither write before both have passed the starter's checks.
        RequestSubmitted event =
                StarterTestApplication.sampleEvent(RequestRecorder.MEET_BEFORE_WRITE + UUID.randomUUID());
        Message<byte[]> delivery = MessageBuilder.withPayload(
                        EventJson.write(event).getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.TYPE, "RequestSubmitted")
                .setHeader(CloudEventHeaders.ID, event.eventId().toString())
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, Topics.REQUEST_EVENTS)
                .build();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> deliveries = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                deliveries.add(consumers.submit(() -> {
                    go.await();
                    recordRequests.accept(delivery);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> each : deliveries) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            consumers.shutdownNow();
        }

        assertThat(appliedEventIds(event.requestId()))
                .containsExactly(event.eventId().toString());
    }

    @Test
    void aGuardedUpdateAppliesEachEventOnceAndRemembersTheLatestEvents() {
        String id = "counter-" + UUID.randomUUID();
        Query counter = Query.query(Criteria.where("_id").is(id));
        IncomingEvent<RequestSubmitted> first = incoming(id);
        IncomingEvent<RequestSubmitted> second = incoming(id);

        assertThat(effects.upsert(first, counter, new Update().inc("applied", 1), COUNTERS))
                .isEqualTo(Outcome.APPLIED);
        assertThat(effects.upsert(first, counter, new Update().inc("applied", 1), COUNTERS))
                .isEqualTo(Outcome.ALREADY_APPLIED);
        assertThat(effects.update(first, counter, new Update().inc("applied", 1), COUNTERS))
                .isEqualTo(Outcome.ALREADY_APPLIED);
        assertThat(effects.update(second, counter, new Update().inc("applied", 1), COUNTERS))
                .isEqualTo(Outcome.APPLIED);
        assertThat(effects.update(
                        second, Query.query(Criteria.where("_id").is("nothing-" + id)), new Update(), COUNTERS))
                .isEqualTo(Outcome.NO_MATCH);
        assertThat(counterOf(id).getInteger("applied")).isEqualTo(2);

        List<String> keys = new ArrayList<>(List.of(first.appliedKey(), second.appliedKey()));
        for (int i = keys.size(); i <= EventEffects.KEYS_KEPT_PER_DOCUMENT; i++) {
            IncomingEvent<RequestSubmitted> later = incoming(id);
            effects.update(later, counter, new Update().inc("applied", 1), COUNTERS);
            keys.add(later.appliedKey());
        }
        assertThat(counterOf(id).getList(EventEffects.APPLIED_EVENTS, String.class))
                .containsExactlyElementsOf(
                        keys.subList(keys.size() - EventEffects.KEYS_KEPT_PER_DOCUMENT, keys.size()));
    }

    @Test
    void aGuardedUpdateRacedByManyDeliveriesOfOneEventAppliesItOnce() throws Exception {
        String id = "raced-" + UUID.randomUUID();
        Query counter = Query.query(Criteria.where("_id").is(id));
        mongo.insert(new Document("_id", id).append("applied", 0), COUNTERS);
        IncomingEvent<RequestSubmitted> event = incoming(id);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService deliveries = Executors.newFixedThreadPool(8);
        try {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                outcomes.add(deliveries.submit(() -> {
                    go.await();
                    return effects.update(event, counter, new Update().inc("applied", 1), COUNTERS);
                }));
            }
            go.countDown();
            List<Outcome> results = new ArrayList<>();
            for (Future<Outcome> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }
            assertThat(results).containsOnlyOnce(Outcome.APPLIED);
        } finally {
            deliveries.shutdownNow();
        }
        assertThat(counterOf(id).getInteger("applied")).isEqualTo(1);
    }

    @Test
    void keepsTheRecordOfAppliedEventsThirtyDaysByDefault() {
        IndexInfo retention = mongo.indexOps(IdempotentConsumer.COLLECTION).getIndexInfo().stream()
                .filter(index -> IdempotentConsumer.RETENTION_INDEX.equals(index.getName()))
                .findFirst()
                .orElseThrow();

        assertThat(retention.getIndexFields())
                .singleElement()
                .satisfies(field -> assertThat(field.getKey()).isEqualTo("appliedAt"));
        assertThat(retention.getExpireAfter()).contains(Duration.ofDays(30));
    }

    @Test
    void sendsPoisonMessagesToTheDeadLetterTopicAndKeepsConsuming() {
        String key = "poison-" + UUID.randomUUID();
        Map<String, String> submitted =
                Map.of(CloudEventHeaders.TYPE, "RequestSubmitted", CloudEventHeaders.ID, key + "-1");
        RawKafka.send(Topics.REQUEST_EVENTS, key, "{not json".getBytes(StandardCharsets.UTF_8), submitted);
        RawKafka.send(
                Topics.REQUEST_EVENTS,
                key,
                "{}".getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.TYPE, "SomethingNobodyDefined"));
        RawKafka.send(Topics.REQUEST_EVENTS, key, null, submitted);
        RawKafka.send(
                Topics.REQUEST_EVENTS,
                key,
                "{\"eventId\":42,\"requestType\":\"NOPE\"}".getBytes(StandardCharsets.UTF_8),
                submitted);
        String marker = sendValidEvent(key);

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedEventIds(key).contains(marker));
        List<CapturedEvent> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> events.find(DEAD_LETTERS, null, e -> key.equals(e.key())), list -> list.size() == 4);
        assertThat(dead).allSatisfy(letter -> {
            assertThat(letter.header("x-exception-message")).isNotBlank();
            assertThat(letter.header("x-original-topic")).isEqualTo(Topics.REQUEST_EVENTS);
        });
        assertThat(dead.stream().map(letter -> letter.header("x-exception-message")))
                .anySatisfy(reason -> assertThat(reason).contains("not valid JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("unknown event type 'SomethingNobodyDefined'"))
                .anySatisfy(reason -> assertThat(reason).contains("no payload"))
                .anySatisfy(reason -> assertThat(reason).contains("breaks its schema"));
        assertThat(appliedCount(key)).isEqualTo(1);
    }

    @Test
    void producersWaitForAllReplicasAndAreIdempotent() {
        RestClient.create("http://localhost:" + port)
                .post()
                .uri("/test-aggregates/acks-" + UUID.randomUUID())
                .retrieve()
                .toBodilessEntity();

        await().until(() -> !producers.seen.isEmpty());
        assertThat(producers.seen).allSatisfy(producer -> {
            assertThat(String.valueOf(producer.get("acks"))).isIn("all", "-1");
            assertThat(String.valueOf(producer.get("enable.idempotence"))).isEqualTo("true");
        });
    }

    @Test
    void theOutboxEndpointRefusesAnyoneButAnOperatorWithProblemDetails() {
        TestHttp http = TestHttp.at(port);
        String notAnOperator = SharedInfrastructure.get().tokens().tokenFor("anna");
        String collection = StarterTestApplication.AGGREGATES;

        assertThat(List.of(
                        http.get("/actuator/outbox", notAnOperator),
                        http.get("/actuator/outbox/" + collection, notAnOperator),
                        http.post("/actuator/outbox/" + collection, notAnOperator, "{}"),
                        http.post("/actuator/outbox/" + collection + "/any-id", notAnOperator, "{}")))
                .allSatisfy(refused -> {
                    assertThat(refused.status()).isEqualTo(403);
                    assertThat(refused.isProblem())
                            .as("problem details: %s", refused.body())
                            .isTrue();
                    assertThat(refused.json().path("status").asInt()).isEqualTo(403);
                    assertThat(refused.header("WWW-Authenticate")).contains("insufficient_scope");
                });
        assertThat(http.get(
                                "/actuator/outbox",
                                SharedInfrastructure.get().tokens().tokenFor("cecilia"))
                        .status())
                .isEqualTo(200);
    }

    private double publishedCount(String path) {
        return meters.counter("eops.outbox.published", "path", path).count();
    }

    private String sendValidEvent(String key) {
        return StarterTestApplication.sendRequestSubmitted(key, key);
    }

    private static IncomingEvent<RequestSubmitted> incoming(String requestId) {
        return new IncomingEvent<>(
                StarterTestApplication.sampleEvent(requestId),
                "RequestSubmitted",
                "/eops/starter-test",
                Topics.REQUEST_EVENTS,
                "starter-test-counter");
    }

    private Document counterOf(String id) {
        return mongo.findById(id, Document.class, COUNTERS);
    }

    private List<?> pendingOf(String id) {
        Document document = mongo.findById(id, Document.class, StarterTestApplication.AGGREGATES);
        return document == null ? List.of("missing") : document.getList("pendingEvents", Object.class, List.of());
    }

    private long appliedCount(String requestId) {
        return mongo.count(Query.query(Criteria.where("requestId").is(requestId)), StarterTestApplication.APPLIED);
    }

    private List<String> appliedEventIds(String requestId) {
        return mongo
                .find(
                        Query.query(Criteria.where("requestId").is(requestId)),
                        Document.class,
                        StarterTestApplication.APPLIED)
                .stream()
                .map(document -> document.getString("eventId"))
                .toList();
    }

    private static Document asDocument(PendingEvent pending) {
        return new Document("eventId", pending.eventId())
                .append("type", pending.type())
                .append("schemaVersion", pending.schemaVersion())
                .append("topic", pending.topic())
                .append("key", pending.key())
                .append("occurredAt", Date.from(pending.occurredAt().minusSeconds(60)))
                .append("payload", pending.payload());
    }
}
