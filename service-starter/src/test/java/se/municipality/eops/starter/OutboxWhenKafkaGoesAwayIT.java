package se.municipality.eops.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.starter.outbox.OutboxRelay;
import se.municipality.eops.starter.outbox.OutboxSweeper;
import se.municipality.eops.starter.outbox.OutboxWrites;
import se.municipality.eops.starter.outbox.PendingEvent;
import se.municipality.eops.testkit.InfrastructureInitializer;
import se.municipality.eops.testkit.KafkaBehindProxy;
import se.municipality.eops.testkit.SharedInfrastructure;

/**
 * Kafka goes away while the service is connected to it and writing: every live connection drops,
 * writes go on (several events per aggregate), their sends give up, then Kafka comes back. Every
 * event is published exactly once, each aggregate's events in the order they were written, and at
 * once: the relay remembers what failed and does not wait for the sweep's grace period.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.function.autodetect=false")
@ContextConfiguration(initializers = {InfrastructureInitializer.class, OutboxWhenKafkaGoesAwayIT.BehindProxy.class})
@DirtiesContext // its Kafka is its own and stops with this class
class OutboxWhenKafkaGoesAwayIT {

    static final KafkaBehindProxy kafka = KafkaBehindProxy.start();

    @Autowired
    OutboxWrites writes;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    OutboxSweeper sweeper;

    static class BehindProxy implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "kafka-behind-proxy",
                            Map.of(
                                    "spring.cloud.stream.kafka.binder.brokers",
                                    kafka.bootstrap(),
                                    // A database of its own: the sweep of the other test contexts,
                                    // still running, must not publish these events elsewhere.
                                    "spring.mongodb.uri",
                                    SharedInfrastructure.get().mongoUri("eops-starter-kafka-away"),
                                    // What failed while Kafka was away goes out as soon as it is back,
                                    // not once the sweep's grace period is over.
                                    "eops.outbox.sweep-grace",
                                    "1h",
                                    // Sends give up within seconds, as they do in production after
                                    // delivery.timeout.ms (30 s) in a longer outage.
                                    "spring.cloud.stream.kafka.binder.producer-properties.request.timeout.ms",
                                    "1000",
                                    "spring.cloud.stream.kafka.binder.producer-properties.delivery.timeout.ms",
                                    "2000",
                                    "spring.cloud.stream.kafka.binder.producer-properties.max.block.ms",
                                    "1000")));
        }
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void everyEventWrittenWhileKafkaWasAwayIsPublishedOnceAndInOrderPerAggregate() {
        String prefix = "away-" + UUID.randomUUID() + "-";
        Map<String, List<String>> written = new LinkedHashMap<>();
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> prefix + i).toList();
        insertPublished(ids, written);

        kafka.proxy().cutOff();
        for (int round = 0; round < 3; round++) {
            writeOneEventEach(ids, written);
        }
        // The producer lost its connections and tried to get them back while the events waited.
        await().atMost(Duration.ofSeconds(10)).until(() -> kafka.proxy().dropped() > 0);
        // Every document's publication gave up; the relay remembers them for the next sweep.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> relay.waitingForRetry(StarterTestApplication.AGGREGATES) == ids.size());

        kafka.proxy().open();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> ids.forEach(id -> assertThat(pendingOf(id)).isEmpty()));
        // Nothing is left to send: what is on the topic now is all there will be.
        Map<String, List<String>> published = await().atMost(Duration.ofSeconds(10))
                .until(
                        this::publishedIds,
                        seen -> ids.stream()
                                .allMatch(id -> seen.getOrDefault(id, List.of()).size()
                                        >= written.get(id).size()));
        ids.forEach(id -> assertThat(published.get(id))
                .as("events of %s: each once, in the order written", id)
                .containsExactlyElementsOf(written.get(id)));
    }

    @Test
    void whatFailedGoesOutWithTheFirstRoundKafkaTakesAgainWithoutWaitingForTheSweep() {
        // No sweep in this test: what failed can only go out with a later publication after a write.
        sweeper.stop();
        try {
            String prefix = "retry-now-" + UUID.randomUUID() + "-";
            List<String> ids = IntStream.range(0, 3).mapToObj(i -> prefix + i).toList();
            Map<String, List<String>> written = new LinkedHashMap<>();
            insertPublished(ids, written);

            kafka.proxy().cutOff();
            writeOneEventEach(ids, written);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> relay.waitingForRetry(StarterTestApplication.AGGREGATES) >= ids.size());

            kafka.proxy().open();
            // New writes go on; once Kafka takes one of their events, it takes what failed too. (The first ones may
            // still fail while the producer reconnects: those are remembered and go out with the others.)
            List<String> later = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        String id = prefix + "later-" + later.size();
                        writes.insert(new StarterTestApplication.TestAggregate(
                                id, "created", List.of(PendingEvent.of(StarterTestApplication.sampleEvent(id)))));
                        later.add(id);
                        return ids.stream().allMatch(each -> pendingOf(each).isEmpty())
                                && relay.waitingForRetry(StarterTestApplication.AGGREGATES) == 0;
                    });
            Map<String, List<String>> published = await().atMost(Duration.ofSeconds(10))
                    .until(
                            this::publishedIds,
                            seen -> ids.stream()
                                    .allMatch(id ->
                                            seen.getOrDefault(id, List.of()).size()
                                                    >= written.get(id).size()));
            ids.forEach(id -> assertThat(published.get(id))
                    .as("events of %s: each once, in the order written", id)
                    .containsExactlyElementsOf(written.get(id)));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> later.forEach(id -> assertThat(pendingOf(id)).isEmpty()));
        } finally {
            sweeper.start();
        }
    }

    /** Inserts the aggregates, each with a first event, and waits until they are on the topic (connected). */
    private void insertPublished(List<String> ids, Map<String, List<String>> written) {
        for (String id : ids) {
            RequestSubmitted first = StarterTestApplication.sampleEvent(id);
            writes.insert(new StarterTestApplication.TestAggregate(id, "created", List.of(PendingEvent.of(first))));
            written.computeIfAbsent(id, key -> new ArrayList<>())
                    .add(first.eventId().toString());
        }
        // Connected: the producer has published through the proxy.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> publishedIds().keySet().containsAll(ids));
    }

    /** Appends one more event to each aggregate; the write succeeds whether Kafka is there or not. */
    private void writeOneEventEach(List<String> ids, Map<String, List<String>> written) {
        for (String id : ids) {
            RequestSubmitted next = StarterTestApplication.sampleEvent(id);
            assertThat(writes.update(
                            StarterTestApplication.TestAggregate.class,
                            id,
                            null,
                            new Update().inc("updates", 1),
                            List.of(next)))
                    .as("writes go on while Kafka is away")
                    .isTrue();
            written.get(id).add(next.eventId().toString());
        }
    }

    private Map<String, List<String>> publishedIds() {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : kafka.records(Topics.REQUEST_EVENTS)) {
            var id = record.headers().lastHeader(CloudEventHeaders.ID);
            byKey.computeIfAbsent(record.key(), key -> new ArrayList<>())
                    .add(new String(id.value(), StandardCharsets.UTF_8));
        }
        return byKey;
    }

    private List<?> pendingOf(String id) {
        Document document = mongo.findById(id, Document.class, StarterTestApplication.AGGREGATES);
        return document == null ? List.of("missing") : document.getList("pendingEvents", Object.class, List.of());
    }
}
