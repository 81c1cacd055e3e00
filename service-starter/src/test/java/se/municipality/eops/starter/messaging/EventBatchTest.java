package se.municipality.eops.starter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import se.municipality.eops.starter.messaging.DeadLetters.IncomingRecord;

class EventBatchTest {

    @Test
    void splitsTheBinderBatchIntoItsRecordsWithTheirOwnHeaders() {
        List<byte[]> payloads = new ArrayList<>();
        payloads.add(bytes("{\"a\":1}"));
        payloads.add(null); // a tombstone (KafkaNull) comes as null
        Message<List<byte[]>> batch = MessageBuilder.withPayload(payloads)
                .setHeader(
                        KafkaHeaders.BATCH_CONVERTED_HEADERS,
                        List.of(
                                Map.of("ce_type", bytes("RequestSubmitted"), "id", "not copied", "contentType", "x"),
                                Map.of("ce_type", "RequestWithdrawn")))
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of("eops.request.events", "eops.request.events"))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(2, 2))
                .setHeader(KafkaHeaders.OFFSET, List.of(7L, 8L))
                .setHeader(KafkaHeaders.RECEIVED_KEY, List.of(bytes("REQ-1"), bytes("REQ-1")))
                .build();

        List<IncomingRecord> records = EventBatch.records(batch);

        assertThat(records).hasSize(2);
        IncomingRecord first = records.get(0);
        assertThat(first.topic()).isEqualTo("eops.request.events");
        assertThat(first.partition()).isEqualTo(2);
        assertThat(first.offset()).isEqualTo(7L);
        assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("REQ-1");
        assertThat(new String(first.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(first.headers()).containsOnlyKeys("ce_type");
        assertThat(EventHandlers.header(first.headers(), "ce_type")).isEqualTo("RequestSubmitted");
        IncomingRecord second = records.get(1);
        assertThat(second.payload()).isNull();
        assertThat(second.offset()).isEqualTo(8L);
        assertThat(EventHandlers.header(second.headers(), "ce_type")).isEqualTo("RequestWithdrawn");
    }

    @Test
    void readsRawKafkaHeadersWhenTheBatchCarriesNoConvertedOnes() {
        RecordHeaders raw = new RecordHeaders();
        raw.add("ce_type", bytes("RequestSubmitted"));
        List<byte[]> payloads = List.of(bytes("{}"));
        Message<List<byte[]>> batch = MessageBuilder.withPayload(payloads)
                .setHeader(KafkaHeaders.NATIVE_HEADERS, List.of(raw))
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of("eops.request.events"))
                .build();

        assertThat(EventBatch.records(batch))
                .singleElement()
                .satisfies(record -> assertThat(EventHandlers.header(record.headers(), "ce_type"))
                        .isEqualTo("RequestSubmitted"));
    }

    @Test
    void retriesAFailingHandlerWithTheBindingsBackOffDoublingUpToItsMaximum() {
        BatchRetry retry = new BatchRetry(4, Duration.ofMillis(500), 2.0, Duration.ofMillis(1500));

        assertThat(List.of(retry.waitAfter(1), retry.waitAfter(2), retry.waitAfter(3)))
                .containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(1500));
        assertThat(new BatchRetry(0, Duration.ZERO, 1, Duration.ZERO).maxAttempts())
                .as("at least one attempt")
                .isEqualTo(1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
