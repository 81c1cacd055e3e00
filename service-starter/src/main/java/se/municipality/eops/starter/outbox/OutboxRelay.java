package se.municipality.eops.starter.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Publishes the events that aggregates leave in their documents' {@code pendingEvents} list, then
 * removes each one once Kafka has it. Every write is followed at once by a publication of that
 * document's events (milliseconds); a periodic sweep catches what a crash or a broker outage left
 * behind. Delivery is at least once: a crash between publishing and removing publishes again,
 * which consumers absorb because they apply each event id once.
 */
public class OutboxRelay implements DisposableBean {

    public static final String PENDING_EVENTS = "pendingEvents";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaEventPublisher publisher;
    private final OutboxProperties properties;
    private final ExecutorService executor;
    private final Clock clock;
    private final Counter publishedAfterWrite;
    private final Counter publishedBySweep;
    private final Counter failures;
    private final ConcurrentHashMap<String, AtomicBoolean> draining = new ConcurrentHashMap<>();

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaEventPublisher publisher,
            OutboxProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.properties = properties;
        // Its own small pool, not an application-wide executor bean (which would displace Boot's
        // task executor). Bounded: when Kafka is down and writes keep coming, the sweep takes over
        // instead of a queue that grows without limit.
        this.executor = new ThreadPoolExecutor(
                1,
                2,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000),
                new CustomizableThreadFactory("outbox-"),
                new ThreadPoolExecutor.AbortPolicy());
        this.clock = clock;
        // Tagged by path: events the sweep had to publish tell of crashes or outages.
        this.publishedAfterWrite = meters.counter("eops.outbox.published", "path", "after-write");
        this.publishedBySweep = meters.counter("eops.outbox.published", "path", "sweep");
        this.failures = meters.counter("eops.outbox.publish.failures");
        properties
                .collections()
                .forEach(collection -> meters.gauge(
                        "eops.outbox.pending.documents",
                        List.of(io.micrometer.core.instrument.Tag.of("collection", collection)),
                        mongo,
                        template -> template.count(anyPendingQuery(), collection)));
    }

    /**
     * Publishes the pending events of one document soon, off the caller's thread, so the request
     * that wrote them returns without waiting for Kafka. If a publication of that document is
     * already running, it goes round once more instead.
     */
    public void publishSoon(String collection, Object id) {
        String key = collection + "/" + id;
        AtomicBoolean again = new AtomicBoolean(true);
        AtomicBoolean running = draining.putIfAbsent(key, again);
        if (running != null) {
            running.set(true);
            return;
        }
        try {
            executor.execute(() -> drain(key, collection, id, again));
        } catch (RuntimeException rejected) {
            draining.remove(key, again);
            log.warn("Outbox executor refused {}; the sweep will publish it", key);
        }
    }

    private void drain(String key, String collection, Object id, AtomicBoolean again) {
        try {
            while (again.getAndSet(false)) {
                publishPending(collection, id, publishedAfterWrite);
            }
        } catch (RuntimeException e) {
            log.warn("Publishing events of {} failed, the sweep will retry: {}", key, e.getMessage());
        } finally {
            draining.remove(key, again);
        }
    }

    /** Publishes a document's pending events in order, removing each as soon as Kafka has it. */
    private int publishPending(String collection, Object id, Counter published) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().include(PENDING_EVENTS);
        Document document = mongo.findOne(byId, Document.class, collection);
        if (document == null) {
            return 0;
        }
        int count = 0;
        for (PendingEvent event : pendingEventsOf(document)) {
            try {
                publisher.publish(event);
            } catch (RuntimeException e) {
                failures.increment();
                throw e;
            }
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(id)),
                    new Update().pull(PENDING_EVENTS, new Document("eventId", event.eventId())),
                    collection);
            published.increment();
            count++;
        }
        return count;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }

    /** The fallback: publishes events that have waited longer than the grace period. */
    public int sweep() {
        int total = 0;
        Instant olderThan = clock.instant().minus(properties.sweepGrace());
        for (String collection : properties.collections()) {
            Query query = pendingQuery(olderThan).limit(properties.sweepBatchSize());
            query.fields().include("_id");
            for (Document document : mongo.find(query, Document.class, collection)) {
                try {
                    total += publishPending(collection, document.get("_id"), publishedBySweep);
                } catch (RuntimeException e) {
                    log.warn(
                            "Sweep could not publish events of {}/{}: {}",
                            collection,
                            document.get("_id"),
                            e.getMessage());
                    return total; // the broker is likely down; try again on the next sweep
                }
            }
        }
        if (total > 0) {
            log.info("Outbox sweep published {} event(s) left behind", total);
        }
        return total;
    }

    private static Query anyPendingQuery() {
        return Query.query(Criteria.where(PENDING_EVENTS + ".0").exists(true));
    }

    private static Query pendingQuery(Instant olderThan) {
        return Query.query(Criteria.where(PENDING_EVENTS)
                .elemMatch(Criteria.where("occurredAt").lt(olderThan)));
    }

    @SuppressWarnings("unchecked")
    private static List<PendingEvent> pendingEventsOf(Document document) {
        List<Document> pending = (List<Document>) document.getOrDefault(PENDING_EVENTS, List.of());
        return pending.stream()
                .map(event -> new PendingEvent(
                        event.getString("eventId"),
                        event.getString("type"),
                        event.getInteger("schemaVersion", 1),
                        event.getString("topic"),
                        event.getString("key"),
                        event.getDate("occurredAt").toInstant(),
                        event.getString("payload")))
                .toList();
    }
}
