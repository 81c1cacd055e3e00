package se.municipality.eops.starter.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends one record of a batch to the dead-letter topic {@code error.<topic>.<group>} itself, with the
 * headers the binder's own dead-lettering writes ({@code x-original-topic}, {@code x-original-partition},
 * {@code x-original-offset}, {@code x-exception-fqcn}, {@code x-exception-message}) and the record's own.
 * The binder dead-letters <em>every</em> record of a batch when its listener throws, so a batch consumer
 * ({@link EventHandlers#buildBatch()}) sends its single poison record here and goes on with the rest.
 *
 * <p>The send is synchronous ({@code acks=all}, idempotent producer on the binder's brokers and client
 * configuration): the batch's offsets are committed only after the dead-letter topic has the record.
 */
public class DeadLetters implements DisposableBean {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> producerConfig;
    private final String defaultGroup;
    private volatile KafkaTemplate<byte[], byte[]> template;
    private volatile DefaultKafkaProducerFactory<byte[], byte[]> factory;

    DeadLetters(Map<String, Object> producerConfig, String defaultGroup) {
        this.producerConfig = producerConfig;
        this.defaultGroup = defaultGroup;
    }

    /** The binder's brokers and client settings ({@code spring.cloud.stream.kafka.binder.*}). */
    public static DeadLetters from(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, Object> config = new HashMap<>();
        binder.bind("spring.cloud.stream.kafka.binder.configuration", Bindable.mapOf(String.class, String.class))
                .ifBound(config::putAll);
        binder.bind("spring.cloud.stream.kafka.binder.producer-properties", Bindable.mapOf(String.class, String.class))
                .ifBound(config::putAll);
        String brokers = binder.bind("spring.cloud.stream.kafka.binder.brokers", Bindable.listOf(String.class))
                .map(list -> String.join(",", list))
                .orElse("localhost:9092");
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        String group = environment.getProperty(
                "spring.cloud.stream.default.group", environment.getProperty("spring.application.name", "eops"));
        return new DeadLetters(config, group);
    }

    /** {@code error.<topic>.<group>}, as the binder names it. */
    public String topicFor(String topic, String group) {
        return "error." + topic + "." + (group == null || group.isBlank() ? defaultGroup : group);
    }

    /**
     * Sends the record to its dead-letter topic and waits until Kafka has it.
     *
     * @throws IllegalStateException when Kafka did not take it (the batch is then not committed)
     */
    void send(IncomingRecord record, String group, Throwable reason) {
        String deadLetterTopic = topicFor(record.topic(), group);
        ProducerRecord<byte[], byte[]> letter =
                new ProducerRecord<>(deadLetterTopic, null, null, record.key(), record.payload());
        record.headers().forEach((name, value) -> letter.headers().add(name, value));
        letter.headers().add("x-original-topic", utf8(record.topic()));
        if (record.partition() != null) {
            letter.headers()
                    .add(
                            "x-original-partition",
                            ByteBuffer.allocate(Integer.BYTES)
                                    .putInt(record.partition())
                                    .array());
        }
        if (record.offset() != null) {
            letter.headers()
                    .add(
                            "x-original-offset",
                            ByteBuffer.allocate(Long.BYTES)
                                    .putLong(record.offset())
                                    .array());
        }
        letter.headers().add("x-exception-fqcn", utf8(reason.getClass().getName()));
        letter.headers().add("x-exception-message", utf8(String.valueOf(reason.getMessage())));
        try {
            template().send(letter).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering to " + deadLetterTopic, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new IllegalStateException(
                    "could not dead-letter a record of " + record.topic() + " to " + deadLetterTopic + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private KafkaTemplate<byte[], byte[]> template() {
        KafkaTemplate<byte[], byte[]> current = template;
        if (current == null) {
            synchronized (this) {
                if (template == null) {
                    factory = new DefaultKafkaProducerFactory<>(producerConfig);
                    template = new KafkaTemplate<>(factory);
                }
                current = template;
            }
        }
        return current;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void destroy() {
        DefaultKafkaProducerFactory<byte[], byte[]> created = factory;
        if (created != null) {
            created.destroy();
        }
    }

    /** One record of a batch as the starter reads it: raw key, payload and headers. */
    record IncomingRecord(
            String topic, Integer partition, Long offset, byte[] key, byte[] payload, Map<String, byte[]> headers) {

        IncomingRecord {
            headers = Map.copyOf(headers);
        }

        static final List<String> NOT_COPIED = List.of("id", "timestamp", "contentType", "nativeHeadersPresent");
    }
}
