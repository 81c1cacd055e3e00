package se.municipality.eops.starter.outbox;

import com.mongodb.client.model.CountOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The outbox's metrics. Counters follow what the relay reports; the gauges of documents with
 * pending and with parked events are counted on the outbox's partial indexes, at most every
 * {@link #REFRESH} and at most up to {@link #COUNT_CAP} (a backlog that large reads as "at least"),
 * so a Prometheus scrape never scans a collection.
 */
public class OutboxMetrics implements OutboxListener {

    static final Duration REFRESH = Duration.ofSeconds(15);
    static final long COUNT_CAP = 100_000;

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    private final MeterRegistry meters;
    private final Map<PublicationPath, Counter> published = new EnumMap<>(PublicationPath.class);
    private final Counter failures;

    public OutboxMetrics(MeterRegistry meters, MongoTemplate mongo, OutboxProperties properties) {
        this.meters = meters;
        for (PublicationPath path : PublicationPath.values()) {
            // Tagged by path: events the sweep had to publish tell of crashes or outages.
            published.put(path, meters.counter("eops.outbox.published", "path", path.tag()));
        }
        this.failures = meters.counter("eops.outbox.publish.failures");
        for (String collection : properties.collections()) {
            CachedCount pending = new CachedCount(mongo, collection, OutboxRelay.anyPending());
            CachedCount parked = new CachedCount(mongo, collection, OutboxRelay.anyParked());
            Gauge.builder("eops.outbox.pending.documents", pending, CachedCount::value)
                    .tag("collection", collection)
                    .description("documents with events waiting to be published (counted every 15 s, capped)")
                    .register(meters);
            Gauge.builder("eops.outbox.parked.documents", parked, CachedCount::value)
                    .tag("collection", collection)
                    .description("documents with events Kafka refused for good, waiting for a replay")
                    .register(meters);
        }
    }

    @Override
    public void published(PendingEvent event, PublicationPath path) {
        published.get(path).increment();
    }

    @Override
    public void parked(String collection, Object aggregateId, PendingEvent event, String reason) {
        meters.counter("eops.outbox.parked", "collection", collection).increment();
    }

    @Override
    public void failed(PendingEvent event, Throwable cause) {
        failures.increment();
    }

    /** A count that is refreshed on read when older than {@link #REFRESH}. */
    private static final class CachedCount {
        private final MongoTemplate mongo;
        private final String collection;
        private final Bson filter;
        private volatile double value;
        private volatile long countedAt;
        private volatile boolean counted;

        CachedCount(MongoTemplate mongo, String collection, Bson filter) {
            this.mongo = mongo;
            this.collection = collection;
            this.filter = filter;
        }

        synchronized double value() {
            long now = System.nanoTime();
            if (!counted || now - countedAt > REFRESH.toNanos()) {
                try {
                    // The filter is exactly the partial index's, so MongoDB counts on the index.
                    value = mongo.getCollection(collection)
                            .countDocuments(
                                    filter,
                                    new CountOptions().limit((int) COUNT_CAP).maxTime(5, TimeUnit.SECONDS));
                } catch (RuntimeException e) {
                    log.debug("Could not count the outbox of {}: {}", collection, e.getMessage());
                    value = Double.NaN; // unknown, rather than a number that looks true
                }
                counted = true;
                countedAt = now;
            }
            return value;
        }
    }
}
