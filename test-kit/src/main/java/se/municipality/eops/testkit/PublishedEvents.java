package se.municipality.eops.testkit;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.schema.EventSchemaValidator;

/**
 * Everything published on the suite's event topics during the test JVM, read by one background
 * consumer from the beginning. Every captured event is checked against its JSON Schema; tests
 * await the events they expect ("stimulate, then wait for event X matching Y").
 */
public final class PublishedEvents {

    private static final Pattern SUITE_TOPICS = Pattern.compile("eops\\..*|error\\..*");
    private static volatile PublishedEvents instance;

    private final List<CapturedEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> schemaViolations = new CopyOnWriteArrayList<>();
    private final EventSchemaValidator validator = EventSchemaValidator.load();

    private PublishedEvents(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-capture-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "300");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Thread thread = new Thread(() -> consume(config), "published-events-capture");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A capture of its own on the broker at {@code bootstrap}, from the beginning of every suite topic, for a broker
     * other than the {@link SharedInfrastructure}'s (the system tests run theirs as a process). Its consumer keeps
     * reconnecting while that broker is away and goes on where it was.
     */
    public static PublishedEvents capturing(String bootstrap) {
        return new PublishedEvents(bootstrap);
    }

    public static PublishedEvents get() {
        if (instance == null) {
            synchronized (PublishedEvents.class) {
                if (instance == null) {
                    instance = new PublishedEvents(SharedInfrastructure.get().kafkaBootstrap());
                }
            }
        }
        return instance;
    }

    private void consume(Properties config) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(SUITE_TOPICS);
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    capture(record);
                }
            }
        } catch (WakeupException | org.apache.kafka.common.errors.InterruptException stopped) {
            // JVM is ending
        }
    }

    private void capture(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(
                    header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        String payload = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        CapturedEvent event = new CapturedEvent(record.topic(), record.key(), headers, payload);
        // Only the suite's own events must conform; tests also send malformed records on purpose,
        // and dead-letter topics hold what others sent wrongly.
        boolean fromTheSuite = event.header(CloudEventHeaders.SOURCE) != null
                && event.header(CloudEventHeaders.SOURCE).startsWith("/eops/");
        if (fromTheSuite && !record.topic().startsWith("error.") && event.type() != null) {
            for (String violation : validator.violations(event.type(), payload == null ? "null" : payload)) {
                schemaViolations.add(event.type() + " " + event.id() + ": " + violation);
            }
        }
        events.add(event);
    }

    /** Waits until an event of the type on the topic matches, and returns it. */
    public CapturedEvent awaitOne(String topic, String type, Predicate<CapturedEvent> matching) {
        return awaitOne(topic, type, matching, Duration.ofSeconds(30));
    }

    /** As {@link #awaitOne(String, String, Predicate)}, waiting at most {@code atMost}. */
    public CapturedEvent awaitOne(String topic, String type, Predicate<CapturedEvent> matching, Duration atMost) {
        return await().atMost(atMost)
                .until(() -> find(topic, type, matching), found -> !found.isEmpty())
                .get(0);
    }

    public List<CapturedEvent> find(String topic, String type, Predicate<CapturedEvent> matching) {
        List<CapturedEvent> found = new ArrayList<>();
        for (CapturedEvent event : events) {
            if (event.topic().equals(topic) && (type == null || type.equals(event.type())) && matching.test(event)) {
                found.add(event);
            }
        }
        return found;
    }

    /** Every captured record, in the order it was read (per partition: the order on the topic). */
    public List<CapturedEvent> all() {
        return List.copyOf(events);
    }

    /** The schema violations of every suite event captured so far; empty when all conform. */
    public List<String> schemaViolations() {
        return List.copyOf(schemaViolations);
    }

    /** One record as it was on the topic. */
    public record CapturedEvent(String topic, String key, Map<String, String> headers, String payload) {

        public String type() {
            return headers.get(CloudEventHeaders.TYPE);
        }

        public String id() {
            return headers.get(CloudEventHeaders.ID);
        }

        public String header(String name) {
            return headers.get(name);
        }

        public boolean payloadContains(String text) {
            return payload != null && payload.contains(text);
        }
    }
}
