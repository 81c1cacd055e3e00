package se.municipality.eops.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;

/**
 * The database's own speed, to tell the intake's overhead from the database's: the raw driver {@code insertOne} of
 * the documents request-service stores, at the intake's concurrency, into the same server. The document is a real
 * one (the newest request stored), with its event put back into {@code pendingEvents} as the intake writes it: the
 * relay has removed it by now, so the entry is rebuilt from the event as it is on Kafka.
 */
final class RawInsertBaseline {

    static final String DATABASE = "eops-bench-raw";

    /** request-service's unique key of what an open request asks for (one open request per thing). */
    private static final String OPEN_SUBJECT_KEY = "openSubjectKey";

    private RawInsertBaseline() {}

    static void run(Suite suite, int threads, Duration warmUp, Duration measure) throws InterruptedException {
        try (MongoClient client = MongoClients.create(suite.mongoUri() + "/?maxPoolSize=" + (threads + 4))) {
            MongoCollection<Document> stored =
                    client.getDatabase("eops-request").getCollection("requests");
            Document template = template(suite, stored);
            MongoCollection<Document> target = client.getDatabase(DATABASE).getCollection("requests");
            target.drop();
            copyIndexes(stored, target);
            System.out.printf(
                    "  raw insertOne of %d-byte documents like %s, %d threads%n",
                    template.toJson().getBytes(StandardCharsets.UTF_8).length, template.get("_id"), threads);

            List<LongSamples> samples = new ArrayList<>();
            long[] counts = new long[threads];
            long start = System.nanoTime();
            long measureFrom = start + warmUp.toNanos();
            long end = measureFrom + measure.toNanos();
            CountDownLatch done = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                LongSamples mine = new LongSamples();
                samples.add(mine);
                int index = t;
                Thread thread = new Thread(
                        () -> {
                            try {
                                long now;
                                while ((now = System.nanoTime()) < end) {
                                    Document document = new Document(template);
                                    String id = "REQ-BENCH-" + UUID.randomUUID();
                                    document.put("_id", id);
                                    if (document.containsKey(OPEN_SUBJECT_KEY)) {
                                        // Every filed request asks for a thing of its own, held while it is open.
                                        document.put(OPEN_SUBJECT_KEY, "BENCH|" + id);
                                    }
                                    target.insertOne(document);
                                    long after = System.nanoTime();
                                    if (now >= measureFrom) {
                                        mine.add((after - now) / 1_000);
                                        counts[index]++;
                                    }
                                }
                            } finally {
                                done.countDown();
                            }
                        },
                        "raw-insert-" + t);
                thread.start();
            }
            done.await();
            long[] all = LongSamples.concat(samples);
            Percentiles latencies = Percentiles.of(all);
            double seconds = measure.toNanos() / 1e9;
            suite.record("raw.ops", all.length);
            suite.record("raw.throughput", all.length / seconds);
            suite.record("raw.p50_ms", latencies.at(50) / 1000.0);
            suite.record("raw.p99_ms", latencies.at(99) / 1000.0);
            target.drop();
        }
    }

    private static Document template(Suite suite, MongoCollection<Document> stored) {
        ConsumerRecord<String, String> event = KafkaReading.lastRecord(suite.kafkaBootstrap(), "eops.request.events");
        if (event == null) {
            // Run without the steps that file requests first (e.g. BENCH_STEPS=intake): file one for the template.
            event = fileOneAndAwaitItsEvent(suite);
        }
        Document document = stored.find(new Document("_id", event.key())).first();
        if (document == null) {
            document = stored.find().sort(Sorts.descending("submittedAt")).first();
        }
        if (document == null) {
            throw new IllegalStateException("request-service has stored no request yet");
        }
        String eventId = KafkaReading.header(event, "ce_id");
        document.put(
                "pendingEvents",
                List.of(new Document(
                                "eventId",
                                eventId != null ? eventId : UUID.randomUUID().toString())
                        .append("type", "RequestSubmitted")
                        .append("schemaVersion", 1)
                        .append("topic", event.topic())
                        .append("key", event.key())
                        .append("occurredAt", Date.from(Instant.ofEpochMilli(event.timestamp())))
                        .append("payload", event.value())));
        return document;
    }

    private static ConsumerRecord<String, String> fileOneAndAwaitItsEvent(Suite suite) {
        new Intake(suite, suite.token("anna")).file().join();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerRecord<String, String> event =
                    KafkaReading.lastRecord(suite.kafkaBootstrap(), "eops.request.events");
            if (event != null) {
                return event;
            }
        }
        throw new IllegalStateException("A filed request's event did not reach eops.request.events within 60 s");
    }

    private static void copyIndexes(MongoCollection<Document> from, MongoCollection<Document> to) {
        for (Document index : from.listIndexes()) {
            if ("_id_".equals(index.getString("name"))) {
                continue;
            }
            IndexOptions options = new IndexOptions()
                    .name(index.getString("name"))
                    .unique(index.getBoolean("unique", false))
                    .sparse(index.getBoolean("sparse", false));
            Object partial = index.get("partialFilterExpression");
            if (partial instanceof Document filter) {
                options.partialFilterExpression(filter);
            }
            try {
                to.createIndex(index.get("key", Document.class), options);
            } catch (RuntimeException refused) {
                System.out.println(
                        "  (index " + index.getString("name") + " not copied: " + refused.getMessage() + ")");
            }
        }
    }
}
