package se.municipality.eops.request.readmodel.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.permission.PermissionAwaitingTraining;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.request.readmodel.domain.UnknownGrantEnds;
import se.municipality.eops.starter.messaging.EventJson;

/**
 * Fills in the end of the grants the read model stored before it kept {@code validUntil}. Their events were recorded
 * as applied and the consumer group's offsets committed long ago, so the consumer never reads them again, and such a
 * grant answered nothing at the door for good (an administrator grant made before the change was never "already
 * there"). As the replica starts, when some grant's end is unknown, this reads the permission topic from its
 * beginning up to its end then (assigned partitions, no consumer group, nothing committed), takes each such grant's
 * last {@code PermissionGranted} or {@code PermissionAwaitingTraining} (a grant's events share its partition, in
 * order) and keeps its {@code validUntil} where the grant's end is still unknown: the consumer's own writes are newer.
 * A grant whose events the topic no longer holds stays unknown (permission-service decides for it, as before). Until
 * it has run, the permissions read model does not count as caught up ({@link KafkaCatchUp}).
 */
@Component
public class GrantEndsBackfill {

    private static final Logger log = LoggerFactory.getLogger(GrantEndsBackfill.class);
    private static final String GRANTED =
            EventCatalog.of(PermissionGranted.class).name();
    private static final String AWAITING_TRAINING =
            EventCatalog.of(PermissionAwaitingTraining.class).name();

    private final UnknownGrantEnds grants;
    private final String brokers;
    private final Duration deadline;
    private volatile boolean done;

    GrantEndsBackfill(
            UnknownGrantEnds grants,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${eops.read-models.backfill-deadline:2m}") Duration deadline) {
        this.grants = grants;
        this.brokers = brokers;
        this.deadline = deadline;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread backfill = new Thread(this::runOnce, "grant-ends-backfill");
        backfill.setDaemon(true);
        backfill.start();
    }

    /** Whether the start's backfill has run (whatever it found); a failure leaves the ends unknown, as before. */
    public boolean done() {
        return done;
    }

    private void runOnce() {
        try {
            fillIn();
        } catch (RuntimeException e) {
            log.warn("Could not fill in the ends of grants stored before the read model kept them", e);
        } finally {
            done = true;
        }
    }

    /**
     * Fills in the ends of the grants whose end is unknown from the topic as it is now.
     *
     * @return how many grants' ends were filled in
     */
    public int fillIn() {
        Set<String> unknown = new HashSet<>(grants.grantsWithEndUnknown());
        if (unknown.isEmpty()) {
            return 0;
        }
        Map<String, Instant> ends = lastEnds(unknown);
        int kept = 0;
        for (Map.Entry<String, Instant> end : ends.entrySet()) {
            if (grants.keepEndWhereUnknown(end.getKey(), end.getValue())) {
                kept++;
            }
        }
        log.info(
                "Grants stored before the read model kept their ends: {}; ends filled in from {}: {}",
                unknown.size(),
                Topics.PERMISSION_EVENTS,
                kept);
        return kept;
    }

    /** Each of the grants' end by its last grant event on the topic (a value may be null: no end). */
    private Map<String, Instant> lastEnds(Set<String> grantIds) {
        Map<String, Instant> ends = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "request-service-grant-ends",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PERMISSION_EVENTS, deadline).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant giveUp = Instant.now().plus(deadline);
            while (!readUpTo(consumer, endOffsets)) {
                if (Instant.now().isAfter(giveUp)) {
                    log.warn(
                            "Reading {} for grant ends took longer than {}; kept what was read",
                            Topics.PERMISSION_EVENTS,
                            deadline);
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    grantEnd(record, grantIds, ends);
                }
            }
        }
        return ends;
    }

    private static boolean readUpTo(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static void grantEnd(
            ConsumerRecord<byte[], byte[]> record, Set<String> grantIds, Map<String, Instant> ends) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null || record.value() == null) {
            return;
        }
        String name = new String(type.value(), StandardCharsets.UTF_8);
        try {
            keepEnd(name, record.value(), grantIds, ends);
        } catch (RuntimeException unreadable) {
            // The consumer sends such a record to its dead-letter topic; it says nothing of an end here.
            log.debug("Skipped an unreadable {} at offset {}", name, record.offset(), unreadable);
        }
    }

    private static void keepEnd(String name, byte[] value, Set<String> grantIds, Map<String, Instant> ends) {
        if (GRANTED.equals(name)) {
            PermissionGranted granted = EventJson.read(value, PermissionGranted.class);
            if (grantIds.contains(granted.grantId())) {
                ends.put(granted.grantId(), granted.validUntil());
            }
        } else if (AWAITING_TRAINING.equals(name)) {
            PermissionAwaitingTraining awaiting = EventJson.read(value, PermissionAwaitingTraining.class);
            if (grantIds.contains(awaiting.grantId())) {
                ends.put(awaiting.grantId(), awaiting.validUntil());
            }
        }
    }
}
