package se.municipality.eops.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.starter.outbox.OutboxRelay;
import se.municipality.eops.starter.outbox.OutboxSweeper;
import se.municipality.eops.starter.outbox.OutboxWrites;
import se.municipality.eops.starter.outbox.PendingEvent;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

/** The outbox relay against the real broker: refusals, backlogs, indexes and concurrent writers. */
@ServiceIntegrationTest
class OutboxRelayIT {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayIT.class);
    private static final String COLLECTION = StarterTestApplication.AGGREGATES;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OutboxRelay relay;

    @Autowired
    OutboxSweeper sweeper;

    @Autowired
    OutboxWrites writes;

    @Autowired
    StarterTestApplication.MongoCommands mongoCommands;

    final PublishedEvents events = PublishedEvents.get();

    @Test
    void parksAnEventKafkaRefusesForGoodPublishesTheOthersAndReplaysItAfterAFix() {
        String prefix = "parking-" + UUID.randomUUID() + "-";
        String big = prefix + "big";
        double parkedBefore = parkedCount();
        // Left by a crash, the oldest first: an event over the producer's max.request.size (1 MB),
        // a later event of the same aggregate, and other aggregates' events behind both.
        UUID bigEventId = UUID.randomUUID();
        PendingEvent tooLarge = withPayload(
                PendingEvent.of(StarterTestApplication.sampleEvent(big, bigEventId)), "x".repeat(1_200_000));
        PendingEvent sameAggregateLater = PendingEvent.of(StarterTestApplication.sampleEvent(big));
        Instant old = Instant.now().minusSeconds(600);
        insertCrashLeft(big, old, tooLarge, sameAggregateLater);
        List<String> others = IntStream.range(0, 5).mapToObj(i -> prefix + i).toList();
        others.forEach(
                id -> insertCrashLeft(id, old.plusSeconds(1), PendingEvent.of(StarterTestApplication.sampleEvent(id))));

        others.forEach(id -> events.awaitOne(Topics.REQUEST_EVENTS, "RequestSubmitted", e -> id.equals(e.key())));
        // Compared field by field: a failure message with the 1.2 MB payload in it helps nobody.
        await().until(() -> parked(document(big)).size() == 2);
        Document parkedDocument = document(big);
        assertThat(pending(parkedDocument)).isEmpty();
        Document refused = parked(parkedDocument).get(0);
        assertThat(refused.getString("eventId")).isEqualTo(tooLarge.eventId());
        assertThat(refused.getString("reason")).contains("RecordTooLargeException");
        assertThat(refused.getDate("parkedAt")).isNotNull();
        Document heldBehind = parked(parkedDocument).get(1);
        assertThat(heldBehind.getString("eventId")).isEqualTo(sameAggregateLater.eventId());
        assertThat(heldBehind.getString("heldBehind")).isEqualTo(tooLarge.eventId());
        assertThat(parkedCount()).isEqualTo(parkedBefore + 1);
        assertThat(events.find(Topics.REQUEST_EVENTS, null, e -> big.equals(e.key())))
                .as("nothing of the aggregate goes out while its first event is parked")
                .isEmpty();

        // An event written later to the same aggregate waits behind the parked one too.
        PendingEvent writtenLater = appendWithAnUpdate(big);
        await().until(() -> parked(document(big)).size() == 3);
        assertThat(pending(document(big))).isEmpty();

        // Operators see it; only with an operator's token.
        TestHttp http = TestHttp.at(port);
        String operator = tokenFor("cecilia"); // CENTRAL_TEAM
        assertThat(http.get("/actuator/outbox/" + COLLECTION, null).status()).isEqualTo(401);
        assertThat(http.get("/actuator/outbox/" + COLLECTION, tokenFor("anna")).status())
                .isEqualTo(403);
        HttpAnswer listing = http.get("/actuator/outbox/" + COLLECTION, operator);
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.body()).contains(big, tooLarge.eventId(), "RecordTooLargeException");
        assertThat(listing.body()).doesNotContain("xxxxxxxxxx");
        assertThat(http.get("/actuator/outbox", operator).body()).contains(big);
        assertThat(http.post("/actuator/outbox/" + COLLECTION + "/" + big, tokenFor("anna"), "{}")
                        .status())
                .isEqualTo(403);

        // The fix (here: the payload made small enough), then the replay puts all three back in order.
        String fixedPayload = EventJson.write(StarterTestApplication.sampleEvent(big, bigEventId));
        mongo.getCollection(COLLECTION)
                .updateOne(
                        new Document("_id", big),
                        new Document("$set", new Document("parkedEvents.0.payload", fixedPayload)));
        HttpAnswer replay = http.post("/actuator/outbox/" + COLLECTION + "/" + big, operator, "{}");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).contains("\"replayed\":3");

        List<CapturedEvent> published = await()
                .until(
                        () -> events.find(Topics.REQUEST_EVENTS, null, e -> big.equals(e.key())),
                        list -> list.size() >= 3)
                .stream()
                .toList();
        assertThat(published)
                .extracting(CapturedEvent::id)
                .containsExactly(tooLarge.eventId(), sameAggregateLater.eventId(), writtenLater.eventId());
        await().untilAsserted(() -> {
            assertThat(pending(document(big))).isEmpty();
            assertThat(parked(document(big))).isEmpty();
        });
        assertThat(http.get("/actuator/outbox/" + COLLECTION, operator).body()).doesNotContain(big);
    }

    @Test
    void oneSweepDrainsABacklogOfThousandsOfDocuments() {
        String prefix = "backlog-" + UUID.randomUUID() + "-";
        int documents = 2_000;
        int eventsPerDocument = 2;
        Instant old = Instant.now().minusSeconds(300);
        List<Document> backlog = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            String id = prefix + i;
            List<Document> pending = new ArrayList<>();
            for (int e = 0; e < eventsPerDocument; e++) {
                pending.add(crashLeft(PendingEvent.of(StarterTestApplication.sampleEvent(id)), old.plusMillis(i)));
            }
            backlog.add(new Document("_id", id).append("state", "created").append("pendingEvents", pending));
        }

        sweeper.stop(); // this test runs the sweep itself, once
        int published;
        long millis;
        try {
            mongo.getCollection(COLLECTION).insertMany(backlog);
            long started = System.nanoTime();
            published = relay.sweep();
            millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        } finally {
            sweeper.start();
        }

        log.info(
                "Drained {} documents / {} events in one sweep in {} ms: {} documents/s, {} events/s",
                documents,
                published,
                millis,
                documents * 1000L / millis,
                published * 1000L / millis);
        assertThat(published).isGreaterThanOrEqualTo(documents * eventsPerDocument);
        assertThat(mongo.getCollection(COLLECTION)
                        .countDocuments(new Document("_id", new Document("$regex", "^" + prefix))
                                .append("pendingEvents.0", new Document("$exists", true))))
                .isZero();
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> events.find(
                                        Topics.REQUEST_EVENTS,
                                        null,
                                        e -> e.key() != null && e.key().startsWith(prefix))
                                .size(),
                        size -> size >= documents * eventsPerDocument);
    }

    @Test
    void documentsWrittenTogetherArePublishedInRoundsNotOneByOne() {
        String prefix = "together-" + UUID.randomUUID() + "-";
        int documents = 200;
        List<StarterTestApplication.TestAggregate> written = IntStream.range(0, documents)
                .mapToObj(i -> new StarterTestApplication.TestAggregate(
                        prefix + i,
                        "created",
                        List.of(
                                PendingEvent.of(StarterTestApplication.sampleEvent(prefix + i)),
                                PendingEvent.of(StarterTestApplication.sampleEvent(prefix + i)))))
                .toList();

        // One insert of all of them: the after-save events reach the relay one right after the other.
        mongo.insertAll(written);

        Set<String> ids =
                written.stream().map(StarterTestApplication.TestAggregate::id).collect(Collectors.toSet());
        await().untilAsserted(() -> assertThat(mongo.getCollection(COLLECTION)
                        .countDocuments(new Document("_id", new Document("$in", List.copyOf(ids)))
                                .append(OutboxRelay.OLDEST_PENDING, new Document("$exists", true))))
                .isZero());
        List<CapturedEvent> out = await().until(
                        () -> events.find(
                                Topics.REQUEST_EVENTS,
                                null,
                                e -> e.key() != null && e.key().startsWith(prefix)),
                        list -> list.size() >= documents * 2);
        assertThat(out.stream().map(CapturedEvent::id).distinct()).hasSize(documents * 2);
        // Before: a read and a removal per document, 200 of each. Now a round reads and removes the
        // events of every document that waited for it with one query and one write.
        long removals = mongoCommands.count("update", COLLECTION, ids);
        long reads = mongoCommands.count("find", COLLECTION, ids);
        log.info("{} documents written together: {} reads, {} removal writes", documents, reads, removals);
        assertThat(removals).isLessThanOrEqualTo(documents / 4);
        assertThat(reads).isLessThanOrEqualTo(documents / 4);
    }

    @Test
    void anAggregatesEventsReachKafkaInTheirOrderWhenManyArePublishedAtOnce() {
        String prefix = "ordered-" + UUID.randomUUID() + "-";
        int documents = 50;
        int eventsPerDocument = 5;
        Map<String, List<String>> written = new LinkedHashMap<>();
        List<StarterTestApplication.TestAggregate> aggregates = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            String id = prefix + i;
            List<PendingEvent> pending = IntStream.range(0, eventsPerDocument)
                    .mapToObj(e -> PendingEvent.of(StarterTestApplication.sampleEvent(id)))
                    .toList();
            written.put(id, pending.stream().map(PendingEvent::eventId).toList());
            aggregates.add(new StarterTestApplication.TestAggregate(id, "created", pending));
        }

        mongo.insertAll(aggregates);

        await().until(
                        () -> events.find(
                                Topics.REQUEST_EVENTS,
                                null,
                                e -> e.key() != null && e.key().startsWith(prefix)),
                        list -> list.size() >= documents * eventsPerDocument);
        written.forEach((id, eventIds) -> assertThat(
                        events.find(Topics.REQUEST_EVENTS, null, e -> id.equals(e.key())).stream()
                                .map(CapturedEvent::id)
                                .distinct()
                                .toList())
                .as("events of %s in the order they were written", id)
                .isEqualTo(eventIds));
    }

    @Test
    void createsThePartialIndexesTheSweepAndTheGaugesUse() {
        List<Document> indexes = mongo.getCollection(COLLECTION).listIndexes().into(new ArrayList<>());

        assertThat(indexes)
                .anySatisfy(index -> {
                    assertThat(index.getString("name")).isEqualTo(OutboxRelay.PENDING_INDEX);
                    assertThat(index.get("key", Document.class)).isEqualTo(new Document(OutboxRelay.OLDEST_PENDING, 1));
                    assertThat(index.get("partialFilterExpression", Document.class))
                            .isEqualTo(new Document(OutboxRelay.OLDEST_PENDING, new Document("$exists", true)));
                })
                .anySatisfy(index -> {
                    assertThat(index.getString("name")).isEqualTo(OutboxRelay.PARKED_INDEX);
                    assertThat(index.get("key", Document.class)).isEqualTo(new Document(OutboxRelay.OLDEST_PARKED, 1));
                    assertThat(index.get("partialFilterExpression", Document.class))
                            .isEqualTo(new Document(OutboxRelay.OLDEST_PARKED, new Document("$exists", true)));
                });
        assertThat(meters.find("eops.outbox.pending.documents")
                        .tag("collection", COLLECTION)
                        .gauge())
                .isNotNull();
    }

    @Test
    void concurrentUpdatesOfOneAggregateAllGetTheirEventsOut() throws Exception {
        String prefix = "concurrent-" + UUID.randomUUID() + "-";
        int aggregates = 5;
        int writers = 4;
        int updatesPerWriter = 10;
        List<String> ids =
                IntStream.range(0, aggregates).mapToObj(i -> prefix + i).toList();
        ids.forEach(id -> writes.insert(new StarterTestApplication.TestAggregate(
                id, "created", List.of(PendingEvent.of(StarterTestApplication.sampleEvent(id))))));

        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int w = 0; w < writers; w++) {
                results.add(threads.submit(() -> {
                    start.await();
                    boolean all = true;
                    for (int u = 0; u < updatesPerWriter; u++) {
                        for (String id : ids) {
                            all &= writes.update(
                                    StarterTestApplication.TestAggregate.class,
                                    id,
                                    null,
                                    new Update().inc("updates", 1),
                                    List.of(StarterTestApplication.sampleEvent(id)));
                        }
                    }
                    return all;
                }));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }

        int expectedPerAggregate = 1 + writers * updatesPerWriter;
        for (String id : ids) {
            List<CapturedEvent> out = await().until(
                            () -> events.find(Topics.REQUEST_EVENTS, null, e -> id.equals(e.key())),
                            list -> list.stream()
                                            .map(CapturedEvent::id)
                                            .distinct()
                                            .count()
                                    >= expectedPerAggregate);
            assertThat(out.stream().map(CapturedEvent::id).distinct()).hasSize(expectedPerAggregate);
        }
        await().untilAsserted(() ->
                ids.forEach(id -> assertThat(pending(document(id))).isEmpty()));
        ids.forEach(id -> assertThat(document(id).getInteger("updates")).isEqualTo(writers * updatesPerWriter));
    }

    private PendingEvent appendWithAnUpdate(String id) {
        var event = StarterTestApplication.sampleEvent(id);
        assertThat(writes.update(
                        StarterTestApplication.TestAggregate.class,
                        id,
                        null,
                        new Update().set("state", "updated"),
                        List.of(event)))
                .isTrue();
        return PendingEvent.of(event);
    }

    private void insertCrashLeft(String id, Instant occurredAt, PendingEvent... pending) {
        List<Document> entries = new ArrayList<>();
        for (int i = 0; i < pending.length; i++) {
            entries.add(crashLeft(pending[i], occurredAt.plusMillis(i)));
        }
        mongo.getCollection(COLLECTION)
                .insertOne(new Document("_id", id).append("state", "created").append("pendingEvents", entries));
    }

    private static Document crashLeft(PendingEvent event, Instant occurredAt) {
        Document entry = event.toDocument();
        entry.put("occurredAt", Date.from(occurredAt));
        return entry;
    }

    private static PendingEvent withPayload(PendingEvent event, String padding) {
        String payload = event.payload();
        String padded = payload.substring(0, payload.length() - 1) + ",\"padding\":\"" + padding + "\"}";
        return new PendingEvent(
                event.eventId(),
                event.type(),
                event.schemaVersion(),
                event.topic(),
                event.key(),
                event.occurredAt(),
                padded,
                event.traceparent(),
                event.tracestate());
    }

    private static String tokenFor(String user) {
        return SharedInfrastructure.get().tokens().tokenFor(user);
    }

    private double parkedCount() {
        return meters.counter("eops.outbox.parked", "collection", COLLECTION).count();
    }

    private Document document(String id) {
        return mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
    }

    private static List<Document> pending(Document document) {
        return document.getList("pendingEvents", Document.class, List.of());
    }

    private static List<Document> parked(Document document) {
        return document.getList("parkedEvents", Document.class, List.of());
    }
}
