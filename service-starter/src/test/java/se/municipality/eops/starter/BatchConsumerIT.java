package se.municipality.eops.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.starter.StarterTestApplication.BatchRecorder;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.starter.messaging.IdempotentConsumer;
import se.municipality.eops.testkit.ConsumerGroups;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.RawKafka;
import se.municipality.eops.testkit.ServiceIntegrationTest;

/**
 * The starter's batch consumers ({@code EventHandlers#buildBatch}) on the real broker and MongoDB-protocol
 * server: binding {@code recordRequestBatches-in-0} of the test application reads {@code eops.request.events}
 * in batches (group {@value #GROUP}); how the broker splits records into polls is up to it, so the round trips of
 * one batch are counted on a batch handed to the consumer directly.
 */
@ServiceIntegrationTest
class BatchConsumerIT {

    private static final String GROUP = "starter-test-batch";
    private static final String DEAD_LETTERS = "error." + Topics.REQUEST_EVENTS + "." + GROUP;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    BatchRecorder recorder;

    @Autowired
    @Qualifier("recordRequestBatches")
    Consumer<Message<List<byte[]>>> recordRequestBatches;

    @Autowired
    StarterTestApplication.MongoCommands commands;

    final PublishedEvents events = PublishedEvents.get();

    @Test
    void poisonRecordsAreDeadLetteredOneByOneWithTheirReasonAndTheOthersAreAppliedOnce() {
        String key = "batch-poison-" + UUID.randomUUID();
        List<String> good = new ArrayList<>();
        good.add(sendValid(key));
        RawKafka.send(
                Topics.REQUEST_EVENTS,
                key,
                "{\"eventId\":42,\"requestType\":\"NOPE\"}".getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.TYPE, "RequestSubmitted", CloudEventHeaders.ID, key + "-poison"));
        good.add(sendValid(key));
        good.add(sendValid(key));
        RecordMetadata last =
                RawKafka.send(Topics.REQUEST_EVENTS, key, null, Map.of(CloudEventHeaders.TYPE, "RequestSubmitted"));

        ConsumerGroups.awaitConsumed(GROUP, last);
        List<CapturedEvent> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> events.find(DEAD_LETTERS, null, e -> key.equals(e.key())), list -> list.size() == 2);
        assertThat(dead).allSatisfy(letter -> {
            assertThat(letter.header("x-original-topic")).isEqualTo(Topics.REQUEST_EVENTS);
            assertThat(letter.header(CloudEventHeaders.TYPE)).isEqualTo("RequestSubmitted");
        });
        assertThat(dead.stream().map(letter -> letter.header("x-exception-message")))
                .anySatisfy(reason -> assertThat(reason).contains("breaks its schema"))
                .anySatisfy(reason -> assertThat(reason).contains("no payload"));
        assertThat(appliedEventIds(key)).containsExactlyInAnyOrderElementsOf(good);
        good.forEach(id -> assertThat(recorder.callsOf(UUID.fromString(id))).isEqualTo(1));
    }

    /**
     * The binder's batch as the function gets it (payloads and, per header, a list with an entry per record),
     * handed to the consumer directly: how many polls the broker splits records into is up to it.
     */
    @Test
    void aBatchCostsOneLookUpAndOneRecordOfItsEventsAndItsPoisonGoesAloneToTheDeadLetterTopic() {
        String key = "batch-direct-" + UUID.randomUUID();
        List<RequestSubmitted> good = List.of(
                StarterTestApplication.sampleEvent(key),
                StarterTestApplication.sampleEvent(key),
                StarterTestApplication.sampleEvent(key));
        List<byte[]> payloads = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        for (RequestSubmitted event : good) {
            payloads.add(EventJson.write(event).getBytes(StandardCharsets.UTF_8));
            headers.add(Map.of(
                    CloudEventHeaders.TYPE,
                    bytes("RequestSubmitted"),
                    CloudEventHeaders.ID,
                    bytes(event.eventId().toString())));
        }
        payloads.add(1, "{not json".getBytes(StandardCharsets.UTF_8));
        headers.add(1, Map.of(CloudEventHeaders.TYPE, bytes("RequestSubmitted")));
        payloads.add(payloads.get(3)); // the last event twice in one batch
        headers.add(headers.get(3));
        int size = payloads.size();
        Message<List<byte[]>> batch = MessageBuilder.withPayload(payloads)
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, java.util.Collections.nCopies(size, Topics.REQUEST_EVENTS))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, java.util.Collections.nCopies(size, 0))
                .setHeader(
                        KafkaHeaders.OFFSET,
                        java.util.stream.LongStream.range(0, size).boxed().toList())
                .setHeader(KafkaHeaders.RECEIVED_KEY, java.util.Collections.nCopies(size, bytes(key)))
                .setHeader(KafkaHeaders.GROUP_ID, GROUP)
                .build();

        recordRequestBatches.accept(batch);

        List<String> ids =
                good.stream().map(event -> event.eventId().toString()).toList();
        assertThat(appliedEventIds(key)).containsExactlyInAnyOrderElementsOf(ids);
        good.forEach(event -> assertThat(recorder.callsOf(event.eventId())).isEqualTo(1));
        Set<String> keys = Set.copyOf(
                ids.stream().map(id -> "starter-test-batch-recorder:" + id).toList());
        assertThat(commands.matching("find", IdempotentConsumer.COLLECTION, keys))
                .hasSize(1);
        assertThat(commands.matching("insert", IdempotentConsumer.COLLECTION, keys))
                .hasSize(1);
        CapturedEvent dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> events.find(DEAD_LETTERS, null, e -> key.equals(e.key())), list -> list.size() == 1)
                .get(0);
        assertThat(dead.header("x-exception-message")).contains("not valid JSON");
        assertThat(dead.header("x-original-topic")).isEqualTo(Topics.REQUEST_EVENTS);

        recordRequestBatches.accept(batch);

        assertThat(appliedEventIds(key)).containsExactlyInAnyOrderElementsOf(ids);
        good.forEach(event -> assertThat(recorder.callsOf(event.eventId()))
                .as("the batch again changes nothing")
                .isEqualTo(1));
        assertThat(commands.matching("insert", IdempotentConsumer.COLLECTION, keys))
                .hasSize(1);
    }

    @Test
    void aFailingHandlerIsRetriedAloneInOrderAndOneThatKeepsFailingIsDeadLetteredWithItsReason() {
        String key = "batch-failing-" + UUID.randomUUID();
        List<String> sent = new ArrayList<>();
        sent.add(sendValid(key, "a-" + key));
        sent.add(sendValid(key, BatchRecorder.FAIL_ONCE + key));
        sent.add(sendValid(key, BatchRecorder.FAIL_ALWAYS + key));
        sent.add(sendValid(key, "d-" + key));
        RecordMetadata last =
                RawKafka.send(Topics.REQUEST_EVENTS, key, "{}".getBytes(StandardCharsets.UTF_8), Map.of());

        ConsumerGroups.awaitConsumed(GROUP, last);
        UUID a = UUID.fromString(sent.get(0));
        UUID failsOnce = UUID.fromString(sent.get(1));
        UUID failsAlways = UUID.fromString(sent.get(2));
        UUID d = UUID.fromString(sent.get(3));
        assertThat(recorder.callsOf(a))
                .as("applied before the failing one, not again")
                .isEqualTo(1);
        assertThat(recorder.callsOf(failsOnce)).isEqualTo(2);
        assertThat(recorder.callsOf(failsAlways))
                .as("the bindings' max-attempts")
                .isEqualTo(3);
        assertThat(recorder.callsOf(d)).isEqualTo(1);
        assertThat(recorder.calls.stream()
                        .filter(Set.of(a, failsOnce, failsAlways, d)::contains)
                        .toList())
                .as("the records' order")
                .containsExactly(a, failsOnce, failsOnce, failsAlways, failsAlways, failsAlways, d);
        assertThat(appliedEventIds(key)).containsExactlyInAnyOrder(a.toString(), failsOnce.toString(), d.toString());
        List<CapturedEvent> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> events.find(DEAD_LETTERS, null, e -> key.equals(e.key())), list -> list.size() == 2);
        assertThat(dead.stream().map(letter -> letter.header("x-exception-message")))
                .anySatisfy(reason -> assertThat(reason).contains("injected failure of " + failsAlways))
                .anySatisfy(reason -> assertThat(reason).contains("missing header ce_type"));
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        String key = "batch-redelivered-" + UUID.randomUUID();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(sendValid(key));
        }
        RecordMetadata first = RawKafka.send(
                Topics.REQUEST_EVENTS,
                key,
                "{}".getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.TYPE, "RequestSubmitted"));
        ConsumerGroups.awaitConsumed(GROUP, first);
        assertThat(appliedEventIds(key)).containsExactlyInAnyOrderElementsOf(sent);
        List<CapturedEvent> originals = events.find(
                Topics.REQUEST_EVENTS, "RequestSubmitted", e -> key.equals(e.key()) && sent.contains(e.id()));
        assertThat(originals).hasSize(5);

        RecordMetadata again = null;
        for (CapturedEvent original : originals) {
            again = RawKafka.redeliver(original);
        }

        ConsumerGroups.awaitConsumed(GROUP, again);
        assertThat(appliedEventIds(key)).containsExactlyInAnyOrderElementsOf(sent);
        sent.forEach(id -> assertThat(recorder.callsOf(UUID.fromString(id))).isEqualTo(1));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String sendValid(String key) {
        return sendValid(key, key);
    }

    private String sendValid(String key, String requestId) {
        return StarterTestApplication.sendRequestSubmitted(key, requestId);
    }

    private List<String> appliedEventIds(String key) {
        return mongo
                .find(
                        Query.query(Criteria.where("requestId").regex(java.util.regex.Pattern.quote(key) + "$")),
                        Document.class,
                        BatchRecorder.APPLIED_IN_BATCHES)
                .stream()
                .map(document -> document.getString("eventId"))
                .toList();
    }
}
