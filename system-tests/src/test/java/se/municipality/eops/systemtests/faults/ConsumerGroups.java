package se.municipality.eops.systemtests.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import se.municipality.eops.contract.Topics;

/**
 * The services' consumer groups as an operator sees them with Kafka's admin API: how far each has read, whether it
 * is empty (every member gone), and its offsets moved back to the beginning of every topic it reads.
 */
final class ConsumerGroups implements AutoCloseable {

    /**
     * Every durable consumer group of the five services and the topics it reads, as their {@code application.yml}
     * bind them (the starter's default group is the service's name). request-service's live updates read in an
     * anonymous group of each replica, from the latest offset, without a dead-letter topic: not listed.
     */
    static final Map<String, List<String>> BINDINGS = bindings();

    private final Admin admin;

    ConsumerGroups(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        this.admin = Admin.create(properties);
    }

    private static Map<String, List<String>> bindings() {
        Map<String, List<String>> bindings = new LinkedHashMap<>();
        bindings.put(
                "request-status", List.of(Topics.PUBLICATION_EVENTS, Topics.PURGE_EVENTS, Topics.PERMISSION_EVENTS));
        bindings.put("request-service-catalogue", List.of(Topics.PUBLICATION_EVENTS));
        bindings.put("request-service-permissions", List.of(Topics.PERMISSION_EVENTS));
        bindings.put(
                "publication-service", List.of(Topics.REQUEST_EVENTS, Topics.PERMISSION_EVENTS, Topics.PURGE_EVENTS));
        bindings.put(
                "purge-service",
                List.of(Topics.PLATFORM_CASE_EVENTS, Topics.REQUEST_EVENTS, Topics.PUBLICATION_EVENTS));
        bindings.put("permission-service", List.of(Topics.REQUEST_EVENTS));
        bindings.put(
                "notification-service",
                List.of(
                        Topics.REQUEST_EVENTS,
                        Topics.PUBLICATION_EVENTS,
                        Topics.PERMISSION_EVENTS,
                        Topics.PURGE_EVENTS));
        return Map.copyOf(bindings);
    }

    /** The groups reading {@code topic}. */
    static List<String> groupsReading(String topic) {
        return BINDINGS.entrySet().stream()
                .filter(binding -> binding.getValue().contains(topic))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The binder's dead-letter topic of a group on a topic: {@code error.<topic>.<group>}. */
    static String deadLetterTopic(String topic, String group) {
        return "error." + topic + "." + group;
    }

    /** Waits until every group has read every topic it reads up to its end as of now (or of a later check). */
    void awaitEverythingRead(Duration atMost) {
        await("every consumer group has read its topics to the end: " + describeLag())
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> BINDINGS.entrySet().stream()
                        .allMatch(binding ->
                                binding.getValue().stream().allMatch(topic -> lag(binding.getKey(), topic) == 0)));
    }

    void awaitRead(String group, String topic, Duration atMost) {
        await(group + " has read " + topic + " to the end")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(() -> lag(group, topic) == 0);
    }

    /** Records on {@code topic} the group has not committed yet (an unread partition counts whole). */
    long lag(String group, String topic) {
        Map<TopicPartition, Long> ends = offsets(topic, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    private String describeLag() {
        List<String> lagging = new ArrayList<>();
        BINDINGS.forEach((group, topics) -> topics.forEach(topic -> {
            try {
                long lag = lag(group, topic);
                if (lag != 0) {
                    lagging.add(group + " on " + topic + ": " + lag);
                }
            } catch (RuntimeException e) {
                lagging.add(group + " on " + topic + ": " + e);
            }
        }));
        return lagging.toString();
    }

    /** Waits until no member is left in the group (its services stopped and left it). */
    void awaitEmpty(String group, Duration atMost) {
        await(group + " has no members left")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    ConsumerGroupDescription description = answer(admin.describeConsumerGroups(List.of(group))
                            .describedGroups()
                            .get(group));
                    return description.members().isEmpty()
                            && (description.groupState() == GroupState.EMPTY
                                    || description.groupState() == GroupState.DEAD);
                });
    }

    /**
     * Moves the group's committed offsets on every topic it reads back to the beginning, so that it reads all of
     * them again. Kafka allows it only while the group is empty.
     */
    void resetToBeginning(String group) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (String topic : BINDINGS.get(group)) {
            offsets(topic, OffsetSpec.earliest())
                    .forEach((partition, earliest) -> offsets.put(partition, new OffsetAndMetadata(earliest)));
        }
        answer(admin.alterConsumerGroupOffsets(group, offsets).all());
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed =
                answer(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        return committed == null ? Map.of() : committed;
    }

    private Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        answer(admin.describeTopics(List.of(topic)).allTopicNames())
                .get(topic)
                .partitions()
                .forEach(partition -> request.put(new TopicPartition(topic, partition.partition()), spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer(admin.listOffsets(request).all()).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** The partition count of a topic (the flows' keys spread over all of them). */
    int partitions(String topic) {
        return answer(admin.describeTopics(List.of(topic)).allTopicNames())
                .get(topic)
                .partitions()
                .size();
    }

    /** The admin call's answer, or an unchecked failure (the awaits above retry on it). */
    private static <T> T answer(KafkaFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka's admin API did not answer: " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
