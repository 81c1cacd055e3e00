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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>Publication goes in rounds: the documents written since the last round are read with one
 * query, their events sent together without waiting for each other, and what Kafka has is removed
 * with one write. One document is held by one round at a time (the {@code draining} claims) and its
 * next event is sent only once Kafka has the one before: so one aggregate's events reach its Kafka
 * partition in order, and none after one that failed.
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
    /**
     * At most this many documents wait for a publication round per collection (a few MB of ids);
     * beyond it, while Kafka is away for long under heavy intake, the sweep publishes the rest.
     */
    static final int MAX_WAITING = 200_000;

    /** Guards against a send whose future nobody completes; the producer itself gives up sooner. */
    private static final Duration SEND_WAIT_LIMIT = Duration.ofMinutes(2);

    /** The documents a publication holds (claims), each with "go round once more" for a write meanwhile. */
    private final ConcurrentHashMap<String, AtomicBoolean> draining = new ConcurrentHashMap<>();
    /** Documents written since, waiting for the next publication round, per collection. */
    private final ConcurrentHashMap<String, Set<Object>> wanted = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, AtomicInteger> roundsRunning = new ConcurrentHashMap<>();
    private final int maxRounds;
    private final AtomicBoolean overflowing = new AtomicBoolean();
    /**
     * Documents whose publication failed here (Kafka away) or that found the rounds full, per collection. No
     * publication of this process holds them, so the next sweep takes them at once, by id, without waiting for
     * {@code sweep-grace}, or sooner the first publication round Kafka takes again ({@link #retryNow}): after an
     * outage the backlog goes out as soon as Kafka answers, and on a server that cannot use the sweep's index no
     * collection scan is needed to find it.
     */
    private final ConcurrentHashMap<String, Set<Object>> toRetry = new ConcurrentHashMap<>();

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
        // executor). Each thread runs publication rounds: a batch of documents read with one query,
        // their events sent without waiting one by one, and removed with one write. Several rounds at
        // once keep Kafka and MongoDB busy while one of them waits for the other. Order per aggregate
        // does not depend on it: a document is claimed by one round at a time. Core = max, because a
        // ThreadPoolExecutor adds threads beyond the core only when its queue is full. Idle threads
        // time out. At most maxRounds tasks are ever queued: documents wait in `wanted`, not here.
        this.maxRounds = Math.max(1, properties.relayThreads());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                maxRounds,
                maxRounds,
                30,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
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
     * that wrote them returns without waiting for Kafka. Documents written while a publication round
     * runs are gathered and published together by the next round: one query for all of them, their
     * sends in flight together, one write removing what Kafka has. If a round holds that very
     * document already, it goes round once more for it instead.
     */
    public void publishSoon(String collection, Object id) {
        AtomicBoolean running = draining.get(key(collection, id));
        if (running != null) {
            running.set(true);
            // The holder may have let go just now without seeing the flag: wanting it again is
            // harmless, the next round finds out.
        }
        Set<Object> waiting = wanted.computeIfAbsent(collection, c -> ConcurrentHashMap.newKeySet());
        if (waiting.size() >= MAX_WAITING) {
            if (overflowing.compareAndSet(false, true)) {
                log.warn(
                        "{} documents of {} wait for a publication round; the sweep publishes those written now",
                        MAX_WAITING,
                        collection);
            }
            retryInSweep(collection, List.of(id));
            return;
        }
        waiting.add(id);
        startRounds(collection);
    }

    /** Starts publication rounds while documents wait, at most {@code relay-threads} at a time. */
    private void startRounds(String collection) {
        AtomicInteger rounds = roundsRunning.computeIfAbsent(collection, c -> new AtomicInteger());
        while (!wanted.getOrDefault(collection, Set.of()).isEmpty()) {
            int now = rounds.get();
            if (now >= maxRounds) {
                return; // a running round takes them when it is done with its batch
            }
            if (!rounds.compareAndSet(now, now + 1)) {
                continue;
            }
            try {
                executor.execute(() -> rounds(collection, rounds));
                return;
            } catch (RejectedExecutionException stopped) {
                rounds.decrementAndGet();
                log.warn("Outbox relay is shutting down; the sweep will publish what waits in {}", collection);
                return;
            }
        }
    }

    /** Runs publication rounds for the documents that wait, batch after batch, until none are left. */
    private void rounds(String collection, AtomicInteger rounds) {
        try {
            List<Object> batch;
            while (!(batch = takeWanted(collection)).isEmpty()) {
                overflowing.set(false);
                try {
                    List<Outcome> outcomes = publishClaimed(collection, batch, PublicationPath.AFTER_WRITE, null);
                    if (outcomes.stream()
                                    .anyMatch(outcome -> !outcome.published().isEmpty())
                            && outcomes.stream().noneMatch(outcome -> outcome.failure() != null)) {
                        retryNow(collection);
                    }
                } catch (RuntimeException e) {
                    retryInSweep(collection, batch);
                    log.warn(
                            "Publishing events of {} document(s) of {} failed, the sweep will retry: {}",
                            batch.size(),
                            collection,
                            e.getMessage());
                }
            }
        } finally {
            rounds.decrementAndGet();
            startRounds(collection); // documents that came in after the last look
        }
    }

    /**
     * Kafka took this round's events: what failed here before (while it was away) goes into the rounds now, beside
     * the new writes, instead of waiting for the next sweep (up to {@code sweep-interval}) and then going out on the
     * sweep's one thread. After an outage under intake this is the whole backlog; the rounds publish it on {@code
     * relay-threads} threads, a batch per query and per removal as always, and the claims keep each aggregate's
     * order. Should Kafka fail again, they are remembered again.
     */
    private void retryNow(String collection) {
        Set<Object> retry = toRetry.getOrDefault(collection, Set.of());
        if (retry.isEmpty()) {
            return;
        }
        Set<Object> waiting = wanted.computeIfAbsent(collection, c -> ConcurrentHashMap.newKeySet());
        int moved = 0;
        for (var it = retry.iterator(); it.hasNext() && waiting.size() < MAX_WAITING; ) {
            Object id = it.next();
            it.remove();
            waiting.add(id);
            moved++;
        }
        if (moved > 0) {
            log.info("Kafka takes events again: publishing {} document(s) of {} that failed, now", moved, collection);
            startRounds(collection);
        }
    }

    /** Takes up to a batch of waiting documents that no one else holds, and claims them. */
    private List<Object> takeWanted(String collection) {
        Set<Object> waiting = wanted.getOrDefault(collection, Set.of());
        List<Object> taken = new ArrayList<>();
        for (var it = waiting.iterator(); it.hasNext() && taken.size() < properties.sweepBatchSize(); ) {
            Object id = it.next();
            it.remove();
            AtomicBoolean again = new AtomicBoolean(false);
            AtomicBoolean holder = draining.putIfAbsent(key(collection, id), again);
            if (holder == null) {
                taken.add(id);
            } else {
                holder.set(true); // the round that holds it goes round once more for it
            }
        }
        return taken;
    }

    /**
     * Publishes documents this thread has claimed, as they are now (one query), removes what Kafka
     * has (one write), then lets go of them. The claims are let go only after the removal, so no other
     * publication can send those events again in between; a document written again meanwhile waits
     * for the next round.
     */
    private List<Outcome> publishClaimed(
            String collection, List<Object> ids, PublicationPath path, AtomicBoolean kafkaFailed) {
        try {
            List<Document> documents = mongo.getCollection(collection)
                    .find(Filters.in("_id", ids))
                    .projection(Projections.include(PENDING_EVENTS, PARKED_EVENTS))
                    .into(new ArrayList<>());
            List<Outcome> outcomes = publishDocuments(collection, documents, path);
            remove(collection, outcomes);
            if (outcomes.stream().anyMatch(outcome -> outcome.failure() != null)) {
                // After a failure no more sends start, so other documents of the batch may keep events too.
                retryInSweep(collection, ids);
            }
            for (Outcome outcome : outcomes) {
                if (outcome.failure() != null) {
                    if (kafkaFailed != null) {
                        kafkaFailed.set(true);
                    }
                    log.warn(
                            "Publishing events of {} failed, the sweep will retry: {}",
                            key(collection, outcome.id()),
                            outcome.failure().getMessage());
                }
            }
            return outcomes;
        } finally {
            for (Object id : ids) {
                AtomicBoolean again = draining.remove(key(collection, id));
                if (again != null && again.get()) {
                    publishSoon(collection, id);
                }
            }
        }
    }

    /**
     * Publishes the pending events of many documents at once and reports which ones Kafka has; the
     * caller removes those. The sends go out in steps: every document's first event, all in flight
     * together and awaited together, then the second event of the documents whose first one Kafka
     * has, and so on. So an aggregate never has two events in flight (its order on its partition
     * holds) and never one after an event of it that failed. A permanent refusal parks the event and
     * everything after it; after any other failure the document keeps the rest for a retry, and no
     * more sends start (Kafka is likely away).
     */
    private List<Outcome> publishDocuments(String collection, List<Document> documents, PublicationPath path) {
        List<Progress> active = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Document document : documents) {
            Object id = document.get("_id");
            List<Document> pending = entries(document, PENDING_EVENTS);
            List<Document> parked = entries(document, PARKED_EVENTS);
            if (pending.isEmpty()) {
                outcomes.add(new Outcome(id, List.of(), false, null));
            } else if (!parked.isEmpty()) {
                holdBehind(collection, id, parked.get(0).getString("eventId"), pending);
                outcomes.add(new Outcome(id, List.of(), true, null));
            } else {
                active.add(new Progress(id, pending));
            }
        }
        List<Progress> all = List.copyOf(active);
        boolean kafkaAway = false;
        while (!active.isEmpty() && !kafkaAway) {
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            List<Progress> sent = new ArrayList<>();
            for (Progress document : active) {
                CompletableFuture<Void> send = publisher.send(document.next());
                sends.add(send);
                sent.add(document);
                if (send.isCompletedExceptionally()
                        && KafkaRefusals.permanentCause(failureOf(send)).isEmpty()) {
                    kafkaAway = true; // e.g. no metadata within max.block.ms: the others would wait as long
                    break;
                }
            }
            List<Progress> stillPending = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                Progress document = sent.get(i);
                PendingEvent event = document.next();
                Throwable failure = await(sends.get(i));
                if (failure == null) {
                    document.published.add(event.eventId());
                    listeners.forEach(listener -> listener.published(event, path));
                    document.position++;
                    if (document.position < document.pending.size()) {
                        stillPending.add(document);
                    }
                    continue;
                }
                Optional<Throwable> refusal = KafkaRefusals.permanentCause(failure);
                if (refusal.isPresent()) {
                    park(
                            collection,
                            document.id,
                            document.pending.subList(document.position, document.pending.size()),
                            refusal.get());
                    document.parked = true;
                } else {
                    listeners.forEach(listener -> listener.failed(event, failure));
                    document.failure = failure instanceof RuntimeException runtime
                            ? runtime
                            : new IllegalStateException(failure.getMessage(), failure);
                    kafkaAway = true;
                }
            }
            active = stillPending;
        }
        for (Progress document : all) {
            boolean progressed = !document.published.isEmpty() || document.parked;
            outcomes.add(new Outcome(document.id, document.published, progressed, document.failure));
        }
        return outcomes;
    }

    /** Waits for a send; its failure, unwrapped, or null when Kafka has the event. */
    private Throwable await(CompletableFuture<Void> send) {
        try {
            // The producer completes every send within delivery.timeout.ms; this only guards against a
            // future that is never completed.
            send.get(SEND_WAIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            return new IllegalStateException("No answer from Kafka within " + SEND_WAIT_LIMIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static Throwable failureOf(CompletableFuture<Void> failed) {
        try {
            failed.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (RuntimeException e) {
            return e;
        }
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

    /** How many documents of {@code collection} failed here and wait for the next sweep to publish them at once. */
    public int waitingForRetry(String collection) {
        return toRetry.getOrDefault(collection, Set.of()).size();
    }

    /** Remembers documents for the next sweep to take at once (up to {@link #MAX_WAITING} per collection). */
    private void retryInSweep(String collection, List<Object> ids) {
        Set<Object> retry = toRetry.computeIfAbsent(collection, c -> ConcurrentHashMap.newKeySet());
        for (Object id : ids) {
            if (retry.size() >= MAX_WAITING) {
                return; // beyond that the sweep's query finds them once their grace period is over
            }
            retry.add(id);
        }
    }

    /**
     * The fallback: publishes first the documents whose publication failed here (at once), then events that have
     * waited longer than the grace period (left by a crash, another replica, or more failures than remembered).
     */
    public int sweep() {
        ensureIndexes();
        long started = System.nanoTime();
        Instant deadline = clock.instant().plus(properties.sweepMaxRun());
        SweepTally tally = new SweepTally();
        for (String collection : properties.collections()) {
            if (!retry(collection, deadline, tally) || !sweep(collection, deadline, tally)) {
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
     * Publishes the documents remembered by {@link #retryInSweep}, a batch at a time, each batch read by id.
     *
     * @return false when Kafka failed again (the failed ones are remembered again) and the sweep should stop
     */
    private boolean retry(String collection, Instant deadline, SweepTally tally) {
        Set<Object> retry = toRetry.getOrDefault(collection, Set.of());
        while (!retry.isEmpty() && clock.instant().isBefore(deadline)) {
            List<Object> batch = new ArrayList<>();
            for (var it = retry.iterator(); it.hasNext() && batch.size() < properties.sweepBatchSize(); ) {
                batch.add(it.next());
                it.remove();
            }
            AtomicBoolean kafkaFailed = new AtomicBoolean();
            try {
                tally.add(publishAll(collection, batch, kafkaFailed));
            } catch (RuntimeException e) {
                retryInSweep(collection, batch); // MongoDB failed: the next sweep tries them again
                throw e;
            }
            if (kafkaFailed.get()) {
                return false;
            }
        }
        return true;
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
            List<Object> fresh = batch.stream()
                    .map(document -> document.get("_id"))
                    .filter(id -> !passedOver.contains(id))
                    .toList();
            if (fresh.isEmpty()) {
                return true;
            }
            AtomicBoolean kafkaFailed = new AtomicBoolean();
            List<Outcome> outcomes = publishAll(collection, fresh, kafkaFailed);
            tally.add(outcomes);
            for (Outcome outcome : outcomes) {
                if (!outcome.progressed()) {
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
     * Publishes a batch of documents the sweep read. A document that a publication after its write
     * holds is passed over (that one publishes it). The documents are read again once claimed: a
     * publication after a write may have sent and removed some of their events since the sweep's
     * query, and sending them from the older copy would publish them twice.
     */
    private List<Outcome> publishAll(String collection, List<Object> batch, AtomicBoolean kafkaFailed) {
        List<Outcome> outcomes = new ArrayList<>();
        List<Object> claimed = new ArrayList<>();
        for (Object id : batch) {
            if (draining.putIfAbsent(key(collection, id), new AtomicBoolean(false)) != null) {
                outcomes.add(new Outcome(id, List.of(), false, null));
            } else {
                claimed.add(id);
            }
        }
        if (!claimed.isEmpty()) {
            outcomes.addAll(publishClaimed(collection, claimed, PublicationPath.SWEEP, kafkaFailed));
        }
        return outcomes;
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

    /** One document's way through {@link #publishDocuments}. */
    private static final class Progress {
        final Object id;
        final List<Document> pending;
        final List<String> published = new ArrayList<>();
        int position;
        boolean parked;
        RuntimeException failure;

        Progress(Object id, List<Document> pending) {
            this.id = id;
            this.pending = pending;
        }

        PendingEvent next() {
            return PendingEvent.fromDocument(pending.get(position));
        }
    }

    /** What publishing one document came to. */
    private record Outcome(Object id, List<String> published, boolean progressed, RuntimeException failure) {}

    private static final class SweepTally {
        int events;
        int documents;

        void add(List<Outcome> outcomes) {
            for (Outcome outcome : outcomes) {
                events += outcome.published().size();
                if (outcome.progressed()) {
                    documents++;
                }
            }
        }
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
