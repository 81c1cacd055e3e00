package se.municipality.eops.starter.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Publishes the events that aggregates leave in their documents' {@code pendingEvents} list, then
 * removes each one once Kafka has it. Every write is followed at once by a publication of that
 * document's events (milliseconds); a periodic sweep catches what a crash or a broker outage left
 * behind. Delivery is at least once: a crash between publishing and removing publishes again,
 * which consumers absorb because they apply each event id once.
 *
 * <p>One document is published by one thread at a time (the {@code draining} claims), its events in
 * list order, each send synchronous: so one aggregate's events reach its Kafka partition in order.
 *
 * <p>An event Kafka refuses for good (too large, invalid topic, not serializable) is <em>parked</em>:
 * moved to the document's {@code parkedEvents} with the reason, logged once at ERROR and counted.
 * The events of the same aggregate after it are parked behind it ({@code heldBehind}), also those
 * written later, so consumers never see an aggregate's later events without the earlier one. Other
 * aggregates are not held up. {@link #replay} puts them all back in order once the cause is fixed.
 */
public class OutboxRelay implements InitializingBean, DisposableBean {

    public static final String PENDING_EVENTS = "pendingEvents";
    public static final String PARKED_EVENTS = "parkedEvents";

    /** The key of the sweep's index: when the oldest pending event of a document happened. */
    public static final String OLDEST_PENDING = PENDING_EVENTS + ".0.occurredAt";

    public static final String OLDEST_PARKED = PARKED_EVENTS + ".0.parkedAt";
    public static final String PENDING_INDEX = "outbox_pending";
    public static final String PARKED_INDEX = "outbox_parked";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaEventPublisher publisher;
    private final OutboxProperties properties;
    private final ExecutorService executor;
    private final Clock clock;
    private final List<OutboxListener> listeners;
    private final ConcurrentHashMap<String, AtomicBoolean> draining = new ConcurrentHashMap<>();
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaEventPublisher publisher,
            OutboxProperties properties,
            Clock clock,
            List<OutboxListener> listeners) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        // Its own pool, not an application-wide executor bean (which would displace Boot's task
        // executor). Sends are synchronous, so each thread has one document's events in flight at a
        // time: the thread count is how many aggregates are published at once (the producer batches
        // their records together). Order per aggregate does not depend on it: a document is claimed
        // by one thread at a time. Core = max, because a ThreadPoolExecutor adds threads beyond the
        // core only when its queue is full, so "core 1, max 2" never ran a second thread. Idle
        // threads time out. The queue is bounded: when Kafka is down and writes keep coming, the
        // sweep takes over instead of a queue that grows without limit.
        int threads = Math.max(1, properties.relayThreads());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads,
                threads,
                30,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(10_000),
                new CustomizableThreadFactory("outbox-"),
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    @Override
    public void afterPropertiesSet() {
        ensureIndexes();
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }

    /**
     * Creates, on each outbox collection, the indexes the sweep, the gauges and the parked-event
     * listing query. Partial: only documents with pending (or parked) events are in them, so they stay
     * small however large the collection grows. A collection that could not be indexed (MongoDB not
     * there yet) is tried again by the next sweep.
     */
    void ensureIndexes() {
        for (String collection : properties.collections()) {
            if (indexed.contains(collection)) {
                continue;
            }
            try {
                MongoCollection<Document> documents = mongo.getCollection(collection);
                documents.createIndex(
                        Indexes.ascending(OLDEST_PENDING),
                        new IndexOptions().name(PENDING_INDEX).partialFilterExpression(anyPending()));
                documents.createIndex(
                        Indexes.ascending(OLDEST_PARKED),
                        new IndexOptions().name(PARKED_INDEX).partialFilterExpression(anyParked()));
                indexed.add(collection);
            } catch (RuntimeException e) {
                log.warn("Could not create the outbox indexes of {} yet: {}", collection, e.getMessage());
            }
        }
    }

    /**
     * Publishes the pending events of one document soon, off the caller's thread, so the request
     * that wrote them returns without waiting for Kafka. If a publication of that document is
     * already running, it goes round once more instead.
     */
    public void publishSoon(String collection, Object id) {
        String key = key(collection, id);
        AtomicBoolean again = new AtomicBoolean(true);
        AtomicBoolean running = draining.putIfAbsent(key, again);
        if (running != null) {
            running.set(true);
            return;
        }
        try {
            executor.execute(() -> drain(key, collection, id, again));
        } catch (RejectedExecutionException rejected) {
            draining.remove(key, again);
            log.warn("Outbox executor refused {}; the sweep will publish it", key);
        }
    }

    private void drain(String key, String collection, Object id, AtomicBoolean again) {
        try {
            while (again.getAndSet(false)) {
                Document document = mongo.getCollection(collection)
                        .find(Filters.eq("_id", id))
                        .projection(Projections.include(PENDING_EVENTS, PARKED_EVENTS))
                        .first();
                if (document == null) {
                    return;
                }
                Outcome outcome = publishDocument(collection, document, PublicationPath.AFTER_WRITE);
                remove(collection, List.of(outcome));
                if (outcome.failure() != null) {
                    log.warn(
                            "Publishing events of {} failed, the sweep will retry: {}",
                            key,
                            outcome.failure().getMessage());
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Publishing events of {} failed, the sweep will retry: {}", key, e.getMessage());
        } finally {
            release(key, collection, id, again);
        }
    }

    /** Lets go of a document; a write that asked for it meanwhile gets its publication. */
    private void release(String key, String collection, Object id, AtomicBoolean again) {
        draining.remove(key, again);
        if (again.get()) {
            publishSoon(collection, id);
        }
    }

    /**
     * Publishes a document's pending events in order and reports which ones Kafka has; the caller
     * removes those. Stops at the first failure: a permanent refusal parks the event and everything
     * after it, anything else is left for a retry.
     */
    private Outcome publishDocument(String collection, Document document, PublicationPath path) {
        Object id = document.get("_id");
        List<Document> pending = entries(document, PENDING_EVENTS);
        List<Document> parked = entries(document, PARKED_EVENTS);
        if (pending.isEmpty()) {
            return new Outcome(id, List.of(), false, null);
        }
        if (!parked.isEmpty()) {
            holdBehind(collection, id, parked.get(0).getString("eventId"), pending);
            return new Outcome(id, List.of(), true, null);
        }
        List<String> published = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            PendingEvent event = PendingEvent.fromDocument(pending.get(i));
            try {
                publisher.publish(event);
            } catch (RuntimeException e) {
                Optional<Throwable> refusal = KafkaRefusals.permanentCause(e);
                if (refusal.isPresent()) {
                    park(collection, id, pending.subList(i, pending.size()), refusal.get());
                    return new Outcome(id, published, true, null);
                }
                listeners.forEach(listener -> listener.failed(event, e));
                return new Outcome(id, published, !published.isEmpty(), e);
            }
            published.add(event.eventId());
            listeners.forEach(listener -> listener.published(event, path));
        }
        return new Outcome(id, published, true, null);
    }

    /** Removes the events Kafka has: one write per batch of documents, not one per event. */
    private void remove(String collection, List<Outcome> outcomes) {
        List<WriteModel<Document>> removals = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (!outcome.published().isEmpty()) {
                removals.add(new UpdateOneModel<>(
                        Filters.eq("_id", outcome.id()),
                        new Document(
                                "$pull",
                                new Document(
                                        PENDING_EVENTS,
                                        new Document("eventId", new Document("$in", outcome.published()))))));
            }
        }
        if (!removals.isEmpty()) {
            mongo.getCollection(collection).bulkWrite(removals, new BulkWriteOptions().ordered(false));
        }
    }

    private void park(String collection, Object id, List<Document> refusedAndLater, Throwable refusal) {
        Document refused = refusedAndLater.get(0);
        String refusedId = refused.getString("eventId");
        String reason = KafkaRefusals.describe(refusal);
        Date now = Date.from(clock.instant());
        List<Document> entries = new ArrayList<>();
        entries.add(copy(refused).append("reason", reason).append("parkedAt", now));
        refusedAndLater.stream()
                .skip(1)
                .forEach(later ->
                        entries.add(copy(later).append("heldBehind", refusedId).append("parkedAt", now)));
        long moved = mongo.getCollection(collection)
                .updateOne(
                        Filters.and(Filters.eq("_id", id), Filters.eq(PENDING_EVENTS + ".eventId", refusedId)),
                        moveToParked(refusedAndLater, entries))
                .getModifiedCount();
        if (moved == 0) {
            return; // someone else moved it meanwhile (a replay, another replica): nothing to report
        }
        PendingEvent event = PendingEvent.fromDocument(refused);
        log.error(
                "Kafka refused event {} ({}) of aggregate {} in {} for good; parked it{}: {}. Fix the cause, then"
                        + " replay: POST /actuator/outbox/{}/{}",
                event.eventId(),
                event.type(),
                id,
                collection,
                entries.size() > 1 ? " and held " + (entries.size() - 1) + " later event(s) of it behind it" : "",
                reason,
                collection,
                id);
        listeners.forEach(listener -> listener.parked(collection, id, event, reason));
    }

    /**
     * Parks events written after a parked one behind it, so the aggregate's order holds. Only while
     * that event is still parked: a replay in between puts everything back in line instead.
     */
    private void holdBehind(String collection, Object id, String parkedId, List<Document> pending) {
        Date now = Date.from(clock.instant());
        List<Document> entries = pending.stream()
                .map(event -> copy(event).append("heldBehind", parkedId).append("parkedAt", now))
                .toList();
        long moved = mongo.getCollection(collection)
                .updateOne(
                        Filters.and(Filters.eq("_id", id), Filters.eq(PARKED_EVENTS + ".0.eventId", parkedId)),
                        moveToParked(pending, entries))
                .getModifiedCount();
        if (moved > 0) {
            log.warn(
                    "Held {} new event(s) of aggregate {} in {} behind parked event {}",
                    entries.size(),
                    id,
                    collection,
                    parkedId);
        }
    }

    private static Document moveToParked(List<Document> taken, List<Document> parkedEntries) {
        List<String> ids =
                taken.stream().map(event -> event.getString("eventId")).toList();
        return new Document("$pull", new Document(PENDING_EVENTS, new Document("eventId", new Document("$in", ids))))
                .append("$push", new Document(PARKED_EVENTS, new Document("$each", parkedEntries)));
    }

    /** The fallback: publishes events that have waited longer than the grace period. */
    public int sweep() {
        ensureIndexes();
        long started = System.nanoTime();
        Instant deadline = clock.instant().plus(properties.sweepMaxRun());
        SweepTally tally = new SweepTally();
        for (String collection : properties.collections()) {
            if (!sweep(collection, deadline, tally)) {
                break; // Kafka is likely away: the next sweep tries again
            }
        }
        if (tally.events > 0) {
            long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            log.info(
                    "Outbox sweep published {} event(s) of {} document(s) left behind in {} ms ({} documents/s)",
                    tally.events,
                    tally.documents,
                    ms,
                    tally.documents * 1000 / ms);
        }
        return tally.events;
    }

    /**
     * Takes the documents with the oldest pending events first, batch after batch, until none older
     * than the grace period is left, the run's time is up, or Kafka fails. Each query is a range on
     * the index {@link #OLDEST_PENDING}, sorted on it and limited: a bounded index scan. The next batch
     * starts where the last one ended, so documents that stay (claimed by a publication after a write,
     * failed) are not taken again and again.
     *
     * @return false when Kafka failed and the sweep should stop
     */
    private boolean sweep(String collection, Instant deadline, SweepTally tally) {
        MongoCollection<Document> documents = mongo.getCollection(collection);
        Date olderThan = Date.from(clock.instant().minus(properties.sweepGrace()));
        Set<Object> passedOver = new HashSet<>();
        Date from = null;
        while (clock.instant().isBefore(deadline)) {
            Document range = new Document("$exists", true).append("$lt", olderThan);
            if (from != null) {
                range.append("$gte", from);
            }
            List<Document> batch = documents
                    .find(new Document(OLDEST_PENDING, range))
                    .projection(Projections.include(PENDING_EVENTS, PARKED_EVENTS))
                    .sort(Sorts.ascending(OLDEST_PENDING))
                    .limit(properties.sweepBatchSize())
                    .into(new ArrayList<>());
            List<Document> fresh = batch.stream()
                    .filter(document -> !passedOver.contains(document.get("_id")))
                    .toList();
            if (fresh.isEmpty()) {
                return true;
            }
            AtomicBoolean kafkaFailed = new AtomicBoolean();
            List<Outcome> outcomes = publishAll(collection, fresh, kafkaFailed);
            for (Outcome outcome : outcomes) {
                tally.events += outcome.published().size();
                if (outcome.progressed()) {
                    tally.documents++;
                } else {
                    passedOver.add(outcome.id());
                }
            }
            if (kafkaFailed.get()) {
                return false;
            }
            if (batch.size() < properties.sweepBatchSize()) {
                return true;
            }
            List<Document> lastPending = entries(batch.get(batch.size() - 1), PENDING_EVENTS);
            from = lastPending.get(0).getDate("occurredAt");
        }
        return true;
    }

    /**
     * Publishes a batch of documents side by side on the relay's threads and waits for all of them.
     * A document that a publication after its write holds is passed over (that one publishes it).
     * After the first failure that is not a refusal of the event, the rest of the batch is left
     * alone. The claims on the documents are let go only after their published events are removed,
     * so a publication after a write cannot send them again in between.
     */
    private List<Outcome> publishAll(String collection, List<Document> batch, AtomicBoolean kafkaFailed) {
        List<Outcome> outcomes = new ArrayList<>();
        List<Object> claimed = new ArrayList<>();
        List<Runnable> releases = new ArrayList<>();
        for (Document document : batch) {
            Object id = document.get("_id");
            String key = key(collection, id);
            AtomicBoolean again = new AtomicBoolean(false);
            if (draining.putIfAbsent(key, again) != null) {
                outcomes.add(new Outcome(id, List.of(), false, null));
                continue;
            }
            claimed.add(id);
            releases.add(() -> release(key, collection, id, again));
        }
        try {
            List<CompletableFuture<Outcome>> running = new ArrayList<>();
            for (Document document : current(collection, claimed)) {
                Supplier<Outcome> task = () -> sweepOne(collection, document, kafkaFailed);
                CompletableFuture<Outcome> future;
                try {
                    future = CompletableFuture.supplyAsync(task, executor);
                } catch (RejectedExecutionException busy) {
                    future = CompletableFuture.completedFuture(task.get());
                }
                running.add(future);
            }
            running.stream().map(CompletableFuture::join).forEach(outcomes::add);
            remove(collection, outcomes);
            return outcomes;
        } finally {
            releases.forEach(Runnable::run);
        }
    }

    /**
     * The claimed documents as they are now. The batch was read before the claims: a publication
     * after a write may have sent and removed some of its events in between, and sending them from
     * the older copy would publish them twice.
     */
    private List<Document> current(String collection, List<Object> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.getCollection(collection)
                .find(Filters.in("_id", ids))
                .projection(Projections.include(PENDING_EVENTS, PARKED_EVENTS))
                .into(new ArrayList<>());
    }

    private Outcome sweepOne(String collection, Document document, AtomicBoolean kafkaFailed) {
        Object id = document.get("_id");
        if (kafkaFailed.get()) {
            return new Outcome(id, List.of(), false, null);
        }
        try {
            Outcome outcome = publishDocument(collection, document, PublicationPath.SWEEP);
            if (outcome.failure() != null) {
                kafkaFailed.set(true);
                log.warn(
                        "Sweep could not publish events of {}: {}",
                        key(collection, id),
                        outcome.failure().getMessage());
            }
            return outcome;
        } catch (RuntimeException e) {
            log.warn("Sweep could not publish events of {}: {}", key(collection, id), e.getMessage());
            return new Outcome(id, List.of(), false, e);
        }
    }

    /** The parked events of a collection, oldest first, for operators. */
    public List<ParkedDocument> parked(String collection, int limit) {
        List<ParkedDocument> found = new ArrayList<>();
        mongo.getCollection(collection)
                .find(anyParked())
                .projection(Projections.include(PARKED_EVENTS))
                .sort(Sorts.ascending(OLDEST_PARKED))
                .limit(limit)
                .forEach(document -> found.add(new ParkedDocument(
                        String.valueOf(document.get("_id")),
                        entries(document, PARKED_EVENTS).stream()
                                .map(ParkedEvent::of)
                                .toList())));
        return found;
    }

    /**
     * Puts a document's parked events back in front of its pending ones, in their order, and
     * publishes them. Run it after fixing what made Kafka refuse the event; should Kafka refuse it
     * again, it is parked again.
     *
     * @return how many events went back; 0 if the document has none parked
     */
    public int replay(String collection, String id) {
        Object documentId = existingId(collection, id);
        if (documentId == null) {
            return 0;
        }
        MongoCollection<Document> documents = mongo.getCollection(collection);
        for (int attempt = 0; attempt < 5; attempt++) {
            Document document = documents
                    .find(Filters.eq("_id", documentId))
                    .projection(Projections.include(PARKED_EVENTS))
                    .first();
            List<Document> parked = document == null ? List.of() : entries(document, PARKED_EVENTS);
            if (parked.isEmpty()) {
                return 0;
            }
            List<Document> back = parked.stream()
                    .map(entry -> PendingEvent.fromDocument(entry).toDocument())
                    .toList();
            long moved = documents
                    .updateOne(
                            Filters.and(Filters.eq("_id", documentId), Filters.eq(PARKED_EVENTS, parked)),
                            new Document(
                                            "$push",
                                            new Document(
                                                    PENDING_EVENTS, new Document("$each", back).append("$position", 0)))
                                    .append("$unset", new Document(PARKED_EVENTS, "")))
                    .getModifiedCount();
            if (moved > 0) {
                log.info("Replaying {} parked event(s) of {} in {}", back.size(), id, collection);
                publishSoon(collection, documentId);
                return back.size();
            }
        }
        throw new IllegalStateException("The parked events of " + id + " kept changing; try again");
    }

    /** Replays every document of the collection that has parked events. */
    public int replayAll(String collection) {
        int total = 0;
        for (ParkedDocument document : parked(collection, 10_000)) {
            total += replay(collection, document.id());
        }
        return total;
    }

    /** The document's {@code _id}: as given, or the ObjectId it spells. */
    private Object existingId(String collection, String id) {
        MongoCollection<Document> documents = mongo.getCollection(collection);
        if (documents
                        .find(Filters.eq("_id", id))
                        .projection(Projections.include("_id"))
                        .first()
                != null) {
            return id;
        }
        if (ObjectId.isValid(id)) {
            ObjectId objectId = new ObjectId(id);
            if (documents.find(Filters.eq("_id", objectId)).first() != null) {
                return objectId;
            }
        }
        return null;
    }

    private static String key(String collection, Object id) {
        return collection + "/" + id;
    }

    private static Document copy(Document document) {
        return new Document(document);
    }

    @SuppressWarnings("unchecked")
    private static List<Document> entries(Document document, String field) {
        Object value = document.get(field);
        return value instanceof List<?> list ? (List<Document>) list : List.of();
    }

    /** What publishing one document came to. */
    private record Outcome(Object id, List<String> published, boolean progressed, RuntimeException failure) {}

    private static final class SweepTally {
        int events;
        int documents;
    }

    /** Documents with pending events: exactly the partial filter of {@link #PENDING_INDEX}. */
    static Bson anyPending() {
        return Filters.exists(OLDEST_PENDING);
    }

    /** Documents with parked events: exactly the partial filter of {@link #PARKED_INDEX}. */
    static Bson anyParked() {
        return Filters.exists(OLDEST_PARKED);
    }
}
