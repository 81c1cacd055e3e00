package se.municipality.eops.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A Kafka broker of its own that clients reach only through a {@link TcpProxy}: it advertises the
 * proxy's port, so after bootstrapping every connection (metadata, produce, fetch) goes through the
 * proxy, and {@link TcpProxy#cutOff()} takes Kafka away from a client that is already connected.
 * (The shared broker advertises its own port: a proxy in front of it only cuts the bootstrap.)
 * Starts in a few seconds; use it only for tests of Kafka going away.
 */
public final class KafkaBehindProxy implements AutoCloseable {

    private static final List<String> BROKER_PROPERTIES =
            List.of(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS, "spring.kafka.bootstrap-servers");

    private final EmbeddedKafkaKraftBroker broker;
    private final TcpProxy proxy;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    private KafkaConsumer<String, byte[]> consumer;

    private KafkaBehindProxy(EmbeddedKafkaKraftBroker broker, TcpProxy proxy) {
        this.broker = broker;
        this.proxy = proxy;
    }

    public static KafkaBehindProxy start() {
        int proxyPort = SharedInfrastructure.freePort();
        // Starting a broker points these system properties at it; the shared broker keeps them.
        Map<String, String> before = new java.util.HashMap<>();
        for (String property : BROKER_PROPERTIES) {
            before.put(property, System.getProperty(property));
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.brokerProperty("advertised.listeners", "EXTERNAL://localhost:" + proxyPort);
        broker.afterPropertiesSet();
        before.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
        String direct = broker.getBrokersAsString().split(",")[0];
        int brokerPort = Integer.parseInt(direct.substring(direct.lastIndexOf(':') + 1));
        TcpProxy proxy = new TcpProxy(proxyPort, "localhost", brokerPort);
        proxy.open();
        return new KafkaBehindProxy(broker, proxy);
    }

    /** The address to give clients. */
    public String bootstrap() {
        return "localhost:" + proxy.port();
    }

    public TcpProxy proxy() {
        return proxy;
    }

    /** Every record on {@code topic} so far, from the beginning, read through the proxy. */
    public synchronized List<ConsumerRecord<String, byte[]>> records(String topic) {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap(),
                    ConsumerConfig.GROUP_ID_CONFIG,
                    "kafka-behind-proxy-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    ByteArrayDeserializer.class));
            consumer.subscribe(List.of(topic));
        }
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return seen.stream().filter(record -> record.topic().equals(topic)).toList();
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(1));
        }
        proxy.close();
        broker.destroy();
    }
}
