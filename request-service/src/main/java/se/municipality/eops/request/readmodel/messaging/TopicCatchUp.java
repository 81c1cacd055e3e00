package se.municipality.eops.request.readmodel.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a consumer group has read a topic as far as the topic went when this replica started: its
 * committed offset has reached, on every partition, the end offset read at the first check. Once
 * true it stays true (events that come later are news, not a backlog); until then it is checked
 * again at most every {@code recheckEvery}, so filing does not ask Kafka on every request.
 */
public final class TopicCatchUp {

    private static final Logger log = LoggerFactory.getLogger(TopicCatchUp.class);
    private static final long ADMIN_TIMEOUT_MS = 3000;

    private final Admin admin;
    private final String topic;
    private final String group;
    private final long recheckNanos;
    private volatile Map<TopicPartition, Long> targets;
    private volatile boolean caughtUp;
    private volatile long nextCheck;

    public TopicCatchUp(Admin admin, String topic, String group, Duration recheckEvery) {
        this.admin = admin;
        this.topic = topic;
        this.group = group;
        this.recheckNanos = recheckEvery.toNanos();
    }

    public String topic() {
        return topic;
    }

    public String group() {
        return group;
    }

    public boolean caughtUp() {
        if (caughtUp) {
            return true;
        }
        synchronized (this) {
            long now = System.nanoTime();
            if (caughtUp || now - nextCheck < 0) {
                return caughtUp;
            }
            nextCheck = now + recheckNanos;
            try {
                if (targets == null) {
                    targets = endOffsets();
                }
                caughtUp = reached(committedOffsets());
                if (caughtUp) {
                    log.info("Consumer group {} has caught up with {} ({} partitions)", group, topic, targets.size());
                }
            } catch (Exception e) {
                log.debug("Could not check whether {} has caught up with {}: {}", group, topic, e.toString());
            }
            return caughtUp;
        }
    }

    private boolean reached(Map<TopicPartition, OffsetAndMetadata> committed) {
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            if (target.getValue() == 0) {
                continue;
            }
            OffsetAndMetadata offset = committed.get(target.getKey());
            if (offset == null || offset.offset() < target.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        return offsets == null ? Map.of() : offsets;
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        TopicDescription description;
        try {
            description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of(); // nothing was ever published: nothing to catch up with
            }
            throw e;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description
                .partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest)
                .all()
                .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return Map.copyOf(ends);
    }
}
