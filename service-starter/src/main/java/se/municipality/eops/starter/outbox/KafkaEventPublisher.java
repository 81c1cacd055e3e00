package se.municipality.eops.starter.outbox;

import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.EventType;

/**
 * Sends one pending event through Spring Cloud Stream as a CloudEvent in the Kafka binary binding.
 * The binder's producers are synchronous with {@code acks=all} and idempotence on, so a return
 * means the broker has the event.
 */
public class KafkaEventPublisher {

    private final StreamBridge streamBridge;
    private final String source;

    public KafkaEventPublisher(StreamBridge streamBridge, String source) {
        this.streamBridge = streamBridge;
        this.source = source;
    }

    public void publish(PendingEvent event) {
        if (!streamBridge.send(event.topic(), toMessage(event))) {
            throw new IllegalStateException("Kafka did not accept event " + event.eventId());
        }
    }

    Message<byte[]> toMessage(PendingEvent event) {
        // The schema the event was written against, which the pending event remembers.
        String dataSchema = EventType.dataSchemaUri(event.type(), event.schemaVersion());
        // Header values as raw UTF-8 bytes: that is what the CloudEvents Kafka binding expects.
        return MessageBuilder.withPayload(event.payload().getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, bytes(event.key()))
                .setHeader(CloudEventHeaders.ID, bytes(event.eventId()))
                .setHeader(CloudEventHeaders.TYPE, bytes(event.type()))
                .setHeader(CloudEventHeaders.SOURCE, bytes(source))
                .setHeader(CloudEventHeaders.TIME, bytes(event.occurredAt().toString()))
                .setHeader(CloudEventHeaders.SUBJECT, bytes(event.key()))
                .setHeader(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE))
                .setHeader(CloudEventHeaders.DATA_SCHEMA, bytes(dataSchema))
                .setHeader(CloudEventHeaders.SCHEMA_VERSION, bytes(Integer.toString(event.schemaVersion())))
                .setHeader(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                .build();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
