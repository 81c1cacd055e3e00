package se.municipality.eops.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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

    /** Sends one record; answers where it landed (partition, offset), for {@link ConsumerGroups#awaitConsumed}. */
    public static RecordMetadata send(String topic, String key, byte[] value, Map<String, String> headers) {
        return send(SharedInfrastructure.get().kafkaBootstrap(), topic, key, value, headers);
    }

    /** As {@link #send(String, String, byte[], Map)}, to the broker at {@code bootstrap}. */
    public static RecordMetadata send(
            String bootstrap, String topic, String key, byte[] value, Map<String, String> headers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach(
                    (name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Sends a contract event's JSON as its publisher would: on its type's topic, with its key and the CloudEvents
     * headers (type, id, source, subject = key, spec version, content type). Sending it again is a redelivery.
     */
    public static RecordMetadata sendEvent(EventType type, String key, String eventId, String json, String source) {
        return sendEvent(SharedInfrastructure.get().kafkaBootstrap(), type, key, eventId, json, source);
    }

    /** As {@link #sendEvent(EventType, String, String, String, String)}, to the broker at {@code bootstrap}. */
    public static RecordMetadata sendEvent(
            String bootstrap, EventType type, String key, String eventId, String json, String source) {
        return send(
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
    public static RecordMetadata redeliver(PublishedEvents.CapturedEvent event) {
        return redeliver(SharedInfrastructure.get().kafkaBootstrap(), event);
    }

    /** As {@link #redeliver(PublishedEvents.CapturedEvent)}, to the broker at {@code bootstrap}. */
    public static RecordMetadata redeliver(String bootstrap, PublishedEvents.CapturedEvent event) {
        return send(
                bootstrap,
                event.topic(),
                event.key(),
                event.payload().getBytes(StandardCharsets.UTF_8),
                event.headers());
    }
}
