package se.municipality.eops.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.CountOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

/**
 * The outbox seen from outside: documents still holding pending events (counted in MongoDB with the relay's own
 * filter, and as request-service's gauge reports them), and events reaching Kafka (the topic's end offsets).
 * request-service raises one event per request, so pending documents are pending events here.
 */
final class Outbox {

    private static final Pattern PENDING_GAUGE =
            Pattern.compile("(?m)^eops_outbox_pending_documents\\{[^}]*\\}\\s+([0-9.eE+-]+|NaN)");

    private Outbox() {}

    /** Documents of request-service with at least one pending event; the same filter as the relay's index. */
    static long pendingInMongo(Suite suite) {
        try (MongoClient client = MongoClients.create(suite.mongoUri())) {
            return client.getDatabase("eops-request")
                    .getCollection("requests")
                    .countDocuments(
                            new Document("pendingEvents.0.occurredAt", new Document("$exists", true)),
                            new CountOptions().maxTime(60, TimeUnit.SECONDS));
        }
    }

    /** Whether the MongoDB-protocol server answers a ping and a count within seconds (it may be alive and refuse). */
    static boolean answers(Suite suite) {
        try (MongoClient client =
                MongoClients.create(suite.mongoUri() + "/?serverSelectionTimeoutMS=5000&socketTimeoutMS=60000")) {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
            System.out.println("  answers a ping; " + pendingInMongo(suite) + " documents with pending events");
            return true;
        } catch (RuntimeException refused) {
            System.out.println("  does not answer: " + refused.getMessage());
            return false;
        }
    }

    /** request-service's own gauge (counted at most every 15 s, capped), or NaN when it cannot tell. */
    static double pendingGauge(Suite suite) {
        try {
            return gaugeValue(Suite.get(suite.requestServiceUrl() + "/actuator/prometheus"));
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    static double gaugeValue(String prometheusText) {
        Matcher matcher = PENDING_GAUGE.matcher(prometheusText);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    static void recordPending(Suite suite, String prefix) {
        suite.record(prefix + ".pending_mongo", pendingInMongo(suite));
        suite.record(prefix + ".pending_gauge", pendingGauge(suite));
    }

    /**
     * After Kafka came back: how fast the backlog reaches Kafka (end offsets of eops.request.events, every second)
     * and when no document holds a pending event any more (counted every 5 s, a scan on the local server), up to
     * {@code limit}. The drain ends when the last of the backlog reached Kafka: the last second the offsets grew
     * before a count found nothing pending, so the 5 s between counts do not add to it.
     */
    static void drain(Suite suite, Duration limit) throws InterruptedException {
        try (KafkaConsumer<String, String> consumer = KafkaReading.consumer(suite.kafkaBootstrap())) {
            List<TopicPartition> partitions = KafkaReading.assignAtEnd(consumer, "eops.request.events");
            long pendingAtStart = pendingInMongo(suite);
            long start = System.nanoTime();
            long offsetsAtStart = KafkaReading.endOffsetSum(consumer, partitions);
            long deadline = start + limit.toNanos();
            long pending = pendingAtStart;
            long lastCount = start;
            long offsets = offsetsAtStart;
            long lastGrowth = start;
            boolean drained = pending == 0;
            while (!drained && System.nanoTime() < deadline) {
                // A sampling interval, not a wait for something: the loop watches the drain until the
                // deadline, so the time the last event reached Kafka is known to within a second.
                Thread.sleep(1000);
                long now = KafkaReading.endOffsetSum(consumer, partitions);
                if (now > offsets) {
                    offsets = now;
                    lastGrowth = System.nanoTime();
                }
                if (System.nanoTime() - lastCount >= Duration.ofSeconds(5).toNanos()) {
                    pending = pendingInMongo(suite);
                    lastCount = System.nanoTime();
                    drained = pending == 0;
                    System.out.printf(
                            "  %3.0fs: %d pending, %d events published since Kafka came back%n",
                            (lastCount - start) / 1e9, pending, offsets - offsetsAtStart);
                }
            }
            double seconds = ((drained && offsets > offsetsAtStart ? lastGrowth : System.nanoTime()) - start) / 1e9;
            long published = KafkaReading.endOffsetSum(consumer, partitions) - offsetsAtStart;
            suite.record("drain.pending_at_start", pendingAtStart);
            suite.record("drain.published", published);
            suite.record("drain.seconds", seconds);
            suite.record("drain.complete", drained ? 1 : 0);
            suite.record("drain.pending_at_end", drained ? 0 : pendingInMongo(suite));
            suite.record("drain.per_second", published / seconds);
        }
    }
}
