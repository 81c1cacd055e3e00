package se.municipality.eops.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a consumer group has done with a record: a group commits an offset past a record only after
 * its handler returned (or dead-lettered it), so a test that counts effects after
 * {@link #awaitConsumed} knows the record itself was handled, not merely one sent after it.
 */
public final class ConsumerGroups {

    private static Admin admin;

    private ConsumerGroups() {}

    /** Waits until {@code group} has committed an offset past the record {@link RawKafka} sent. */
    public static void awaitConsumed(String group, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        await().atMost(Duration.ofSeconds(30)).until(() -> committed(group, partition) > record.offset());
    }

    /** The group's next offset to read on the partition, -1 while it has committed none. */
    public static long committed(String group, TopicPartition partition) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        OffsetAndMetadata offset = offsets.get(partition);
        return offset == null ? -1 : offset.offset();
    }

    private static synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    SharedInfrastructure.get().kafkaBootstrap()));
        }
        return admin;
    }
}
