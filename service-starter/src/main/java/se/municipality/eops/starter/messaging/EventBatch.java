package se.municipality.eops.starter.messaging;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import se.municipality.eops.starter.messaging.DeadLetters.IncomingRecord;
import se.municipality.eops.starter.messaging.EventHandlers.Ready;

/**
 * The batch consumer {@link EventHandlers#buildBatch()} makes. For the records of one poll, in their order
 * (so per key, since a key's records share a partition):
 *
 * <ol>
 *   <li>each record is checked and decoded as in the per-record mode; a poison record goes to the dead-letter
 *       topic with its reason ({@link DeadLetters}) and the others go on;
 *   <li><b>one</b> query ({@code _id: {$in: ...}} on {@value IdempotentConsumer#COLLECTION}) finds the events
 *       of the batch this consumer applied before: they are skipped, and so is an event the batch carries twice;
 *   <li>the handlers of the others run one after the other; a failing handler is retried with the bindings'
 *       back-off ({@link BatchRetry}) for that event alone (the events before it are not applied again), and
 *       dead-lettered with its reason when the attempts are spent;
 *   <li><b>one</b> unordered insert records the events applied.
 * </ol>
 *
 * A redelivered batch finds its events recorded and applies nothing; a crash before the record runs the
 * handlers again, which the rule for handlers makes harmless ({@link EventEffects}). Nothing leaves this method
 * but a failure to dead-letter (Kafka away): the binder would then dead-letter the whole batch, so the batch is
 * not committed and comes again.
 */
final class EventBatch implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(EventBatch.class);

    /** The observation of each record a batch consumer applies (a timer, and a CONSUMER span when tracing). */
    static final String OBSERVATION = "eops.consumer.record";

    private final String consumerName;
    private final EventHandlers handlers;
    private final IdempotentConsumer once;
    private final DeadLetters deadLetters;
    private final BatchRetry retry;
    private final ObservationRegistry observations;

    EventBatch(
            String consumerName,
            EventHandlers handlers,
            IdempotentConsumer once,
            DeadLetters deadLetters,
            BatchRetry retry,
            ObservationRegistry observations) {
        this.consumerName = consumerName;
        this.handlers = handlers;
        this.once = once;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.observations = observations;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<IncomingRecord> records = records(batch);
        String group = groupOf(batch.getHeaders());
        List<Decoded> decoded = new ArrayList<>(records.size());
        for (IncomingRecord record : records) {
            try {
                Ready<?> ready = handlers.decode(
                        name -> KafkaHeaders.RECEIVED_TOPIC.equals(name)
                                ? record.topic()
                                : EventHandlers.header(record.headers(), name),
                        record.payload());
                if (ready != null) {
                    decoded.add(new Decoded(record, ready));
                }
            } catch (PoisonEventException poison) {
                deadLetter(record, group, poison);
            }
        }
        if (decoded.isEmpty()) {
            return;
        }
        Set<UUID> ids = new LinkedHashSet<>();
        decoded.forEach(next -> ids.add(next.ready().incoming().eventId()));
        Set<UUID> applied = appliedBefore(ids);
        List<UUID> appliedNow = new ArrayList<>(decoded.size());
        Set<UUID> seen = new LinkedHashSet<>(applied);
        for (Decoded next : decoded) {
            UUID eventId = next.ready().incoming().eventId();
            if (!seen.add(eventId)) {
                once.countDuplicate(consumerName, eventId);
                continue;
            }
            if (observed(next.record()).observe(() -> apply(next, group))) {
                appliedNow.add(eventId);
            }
        }
        once.markAllApplied(consumerName, appliedNow);
    }

    private Set<UUID> appliedBefore(Set<UUID> ids) {
        try {
            return once.appliedAmong(consumerName, ids);
        } catch (RuntimeException notAnswered) {
            // Only the fast path is lost: the handlers are idempotent, and they will fail themselves if the
            // database is away (and be retried, then dead-lettered, as in the per-record mode).
            log.warn(
                    "{} cannot look up which events of its batch it applied: {}",
                    consumerName,
                    notAnswered.getMessage());
            return Set.of();
        }
    }

    /**
     * A consumer observation of one record that continues the trace of its {@code traceparent} header (Boot's
     * propagating receiver handler extracts it), so the handler's log lines and the events it raises carry the
     * trace of the request that caused the event, as in the per-record mode, where the binder observes each record.
     */
    private Observation observed(IncomingRecord record) {
        return Observation.createNotStarted(
                        OBSERVATION,
                        () -> {
                            ReceiverContext<Map<String, byte[]>> context =
                                    new ReceiverContext<>((headers, name) -> EventHandlers.header(headers, name));
                            context.setCarrier(record.headers());
                            context.setRemoteServiceName("kafka");
                            return context;
                        },
                        observations)
                .contextualName(record.topic() + " receive")
                .lowCardinalityKeyValue("eops.consumer", consumerName)
                .lowCardinalityKeyValue("messaging.destination.name", String.valueOf(record.topic()));
    }

    /** Runs the handler with the retries; returns whether the event was applied. */
    private boolean apply(Decoded next, String group) {
        for (int attempt = 1; ; attempt++) {
            try {
                next.ready().run();
                return true;
            } catch (PoisonEventException poison) {
                deadLetter(next.record(), group, poison);
                return false;
            } catch (RuntimeException failure) {
                if (attempt >= retry.maxAttempts()) {
                    log.warn(
                            "{} gives event {} up after {} attempts: {}",
                            consumerName,
                            next.ready().incoming().eventId(),
                            attempt,
                            failure.toString());
                    deadLetter(next.record(), group, failure);
                    return false;
                }
                pause(retry.waitAfter(attempt).toMillis());
            }
        }
    }

    private void deadLetter(IncomingRecord record, String group, Throwable reason) {
        log.warn(
                "{} dead-letters a record of {} (partition {}, offset {}): {}",
                consumerName,
                record.topic(),
                record.partition(),
                record.offset(),
                reason.getMessage());
        deadLetters.send(record, group, reason);
    }

    /**
     * The back-off between two attempts at one event, on the consumer's thread. A sleep is right here: it is what
     * the binder's own retry does in the per-record mode, the batch must not be acknowledged before the event is
     * applied or dead-lettered (so nothing else may run on this thread meanwhile), and {@link BatchRetry} bounds it
     * (3 attempts, at most 5 s between them by default), far below the consumer's {@code max.poll.interval.ms}.
     */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private String groupOf(MessageHeaders headers) {
        Object group = headers.get(KafkaHeaders.GROUP_ID);
        return group == null ? null : group.toString();
    }

    /** Splits the binder's batch message into its records: the header values are lists, one entry a record. */
    static List<IncomingRecord> records(Message<List<byte[]>> batch) {
        List<?> payloads = batch.getPayload();
        MessageHeaders headers = batch.getHeaders();
        List<?> converted = list(headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS));
        List<?> nativeHeaders = list(headers.get(KafkaHeaders.NATIVE_HEADERS));
        List<?> topics = list(headers.get(KafkaHeaders.RECEIVED_TOPIC));
        List<?> partitions = list(headers.get(KafkaHeaders.RECEIVED_PARTITION));
        List<?> offsets = list(headers.get(KafkaHeaders.OFFSET));
        List<?> keys = list(headers.get(KafkaHeaders.RECEIVED_KEY));
        List<IncomingRecord> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            Map<String, byte[]> recordHeaders = new HashMap<>();
            if (at(converted, i) instanceof Map<?, ?> map) {
                map.forEach((name, value) -> {
                    byte[] bytes = bytes(value);
                    if (bytes != null && !IncomingRecord.NOT_COPIED.contains(name.toString())) {
                        recordHeaders.put(name.toString(), bytes);
                    }
                });
            } else if (at(nativeHeaders, i) instanceof Headers kafkaHeaders) {
                for (Header header : kafkaHeaders) {
                    recordHeaders.put(header.key(), header.value());
                }
            }
            String topic = at(topics, i) == null ? null : at(topics, i).toString();
            Object payload = payloads.get(i);
            records.add(new IncomingRecord(
                    topic,
                    at(partitions, i) instanceof Integer partition ? partition : null,
                    at(offsets, i) instanceof Long offset ? offset : null,
                    bytes(at(keys, i)),
                    payload instanceof byte[] json ? json : null,
                    recordHeaders));
        }
        return records;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static Object at(List<?> list, int index) {
        return index < list.size() ? list.get(index) : null;
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        return value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
    }

    private record Decoded(IncomingRecord record, Ready<?> ready) {}
}
