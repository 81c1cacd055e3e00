package se.municipality.eops.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.EventType;

/**
 * Sends records exactly as given, for redeliveries and poison messages a well-behaved producer never sends. The
 * methods without a bootstrap address send to the {@link SharedInfrastructure}'s broker; those with one to any
 * broker (the system tests' broker runs in a process of its own).
 */
public final class RawKafka {

    private RawKafka() {}

    public static void send(String topic, String key, byte[] value, Map<String, String> headers) {
        send(SharedInfrastructure.get().kafkaBootstrap(), topic, key, value, headers);
    }

    public static void send(String bootstrap, String topic, String key, byte[] value, Map<String, String> headers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach(
                    (name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Sends a contract event's JSON as its publisher would: on its type's topic, with its key and the CloudEvents
     * headers (type, id, source, subject = key, spec version, content type). Sending it again is a redelivery.
     */
    public static void sendEvent(EventType type, String key, String eventId, String json, String source) {
        sendEvent(SharedInfrastructure.get().kafkaBootstrap(), type, key, eventId, json, source);
    }

    /** As {@link #sendEvent(EventType, String, String, String, String)}, to the broker at {@code bootstrap}. */
    public static void sendEvent(
            String bootstrap, EventType type, String key, String eventId, String json, String source) {
        send(
                bootstrap,
                type.topic(),
                key,
                json.getBytes(StandardCharsets.UTF_8),
                Map.of(
                        CloudEventHeaders.TYPE,
                        type.name(),
                        CloudEventHeaders.ID,
                        eventId,
                        CloudEventHeaders.SOURCE,
                        source,
                        CloudEventHeaders.SUBJECT,
                        key,
                        CloudEventHeaders.SPEC_VERSION,
                        CloudEventHeaders.SPEC_VERSION_VALUE,
                        CloudEventHeaders.CONTENT_TYPE,
                        CloudEventHeaders.JSON));
    }

    /** Re-sends a captured event as it was: the same id, headers and payload. */
    public static void redeliver(PublishedEvents.CapturedEvent event) {
        redeliver(SharedInfrastructure.get().kafkaBootstrap(), event);
    }

    /** As {@link #redeliver(PublishedEvents.CapturedEvent)}, to the broker at {@code bootstrap}. */
    public static void redeliver(String bootstrap, PublishedEvents.CapturedEvent event) {
        send(bootstrap, event.topic(), event.key(), event.payload().getBytes(StandardCharsets.UTF_8), event.headers());
    }
}
