package se.municipality.eops.request.live.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;
import se.municipality.eops.contract.CloudEventHeaders;

/**
 * Drops the records of {@code eops.request.events} that no stream open on this replica follows, as the Kafka
 * record comes in: before the binder maps its headers into a message, converts it as a CloudEvent and invokes the
 * live-updates consumer. A replica under intake hears every filing and every status change of every request, while
 * few or no streams are open; JFR of request-service under intake (2026-12-07) showed that per-record work as about
 * 12 % of its CPU, for records the consumer then skipped by their key. The consumer keeps its own checks, so a
 * record this lets through is judged as before; what it drops, the consumer would have skipped too.
 *
 * <p>Decided by the record's key (the request id) and the CloudEvents type header, the same as {@link
 * LiveUpdatesFromTopic} reads them. A record without a key is let through (the consumer decides). Counted as {@code
 * eops.live.records.skipped}.
 */
final class UnfollowedRecords implements RecordFilterStrategy<Object, Object> {

    private final Predicate<String> mayBeFollowed;
    private final Set<String> types;
    private final Counter skipped;

    /**
     * @param mayBeFollowed whether an open stream may follow the request of this id ({@code LiveStreams#mayFollow})
     * @param types the event types the consumer shows; records of other types are dropped
     */
    UnfollowedRecords(Predicate<String> mayBeFollowed, Set<String> types, MeterRegistry meters) {
        this.mayBeFollowed = mayBeFollowed;
        this.types = Set.copyOf(types);
        this.skipped = Counter.builder("eops.live.records.skipped")
                .description(
                        "Records of the service's own topic dropped before conversion: no open stream follows them")
                .register(meters);
    }

    /** True: drop the record. */
    @Override
    public boolean filter(ConsumerRecord<Object, Object> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        String key = text(record.key());
        boolean drop = (type != null && !types.contains(type)) || (key != null && !mayBeFollowed.test(key));
        if (drop) {
            skipped.increment();
        }
        return drop;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String text(Object key) {
        if (key instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return key == null ? null : key.toString();
    }
}
