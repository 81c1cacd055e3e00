package se.municipality.eops.request.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.municipality.eops.request.readmodel.messaging.TopicCatchUp;
import se.municipality.eops.testkit.SharedInfrastructure;

/**
 * "Caught up" against the real broker: a consumer group has caught up once its committed offsets
 * reach, on every partition, the end offsets the topic had at the first check — not before, and
 * events published later do not put it back. (No Spring context: the rule, on a topic of its own.)
 */
class ReadModelCatchUpIT {

    Admin admin;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.get().kafkaBootstrap()));
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void aGroupHasCaughtUpOnceItsCommittedOffsetsReachTheEndsTheTopicHadWhenWatchingBegan() throws Exception {
        String topic = "test.catch-up." + UUID.randomUUID();
        String group = "catch-up-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        send(topic, 0, 3);
        send(topic, 1, 2);
        TopicCatchUp catchUp = new TopicCatchUp(admin, topic, group, Duration.ZERO);

        assertThat(catchUp.caughtUp()).as("nothing read yet").isFalse();

        commit(group, topic, 0, 3);
        assertThat(catchUp.caughtUp()).as("one partition still behind").isFalse();

        send(topic, 1, 5); // news after watching began: not part of the backlog
        commit(group, topic, 1, 2);
        assertThat(catchUp.caughtUp()).isTrue();

        commit(group, topic, 1, 0);
        assertThat(catchUp.caughtUp()).as("once caught up, it stays so").isTrue();
    }

    @Test
    void aTopicNothingWasEverPublishedToIsNothingToCatchUpWith() {
        TopicCatchUp missing =
                new TopicCatchUp(admin, "test.never." + UUID.randomUUID(), "g-" + UUID.randomUUID(), Duration.ZERO);

        assertThat(missing.caughtUp()).isTrue();
    }

    private static void send(String topic, int partition, int count) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedInfrastructure.get().kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "k", "{}".getBytes(StandardCharsets.UTF_8)))
                        .get();
            }
        }
    }

    /** What a consumer of the group does after reading up to {@code offset}. */
    private void commit(String group, String topic, int partition, long offset) throws Exception {
        admin.alterConsumerGroupOffsets(
                        group, Map.of(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)))
                .all()
                .get();
    }
}
