import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * CI smoke check: the event of a key is on the topic with its CloudEvents headers. Run as a single
 * source file: java -cp "local-stack/target/lib/*" .ci/KafkaEventCheck.java BOOTSTRAP TOPIC KEY TYPE
 */
public class KafkaEventCheck {

    private static final List<String> REQUIRED_HEADERS =
            List.of("ce_id", "ce_type", "ce_source", "ce_time", "ce_subject", "ce_specversion", "ce_schemaversion");

    public static void main(String[] args) {
        String bootstrap = args[0], topic = args[1], key = args[2], type = args[3];
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("group.id", "ci-smoke-" + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        Instant deadline = Instant.now().plusSeconds(30);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && type.equals(header(record, "ce_type"))) {
                        for (String name : REQUIRED_HEADERS) {
                            if (header(record, name) == null) {
                                System.err.println("event of " + key + " lacks header " + name);
                                System.exit(1);
                            }
                        }
                        System.out.println("    " + type + " for " + key + " is on " + topic + " (ce_id "
                                + header(record, "ce_id") + ", ce_source " + header(record, "ce_source") + ")");
                        return;
                    }
                }
            }
        }
        System.err.println("no " + type + " with key " + key + " on " + topic + " within 30 s");
        System.exit(1);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
