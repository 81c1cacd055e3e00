package se.municipality.eops.starter.messaging;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Skips events a consumer applied before, quickly. The ids of applied events are kept in {@value
 * #COLLECTION} under the unique key {@code consumer:eventId} for {@code eops.consumer.applied-retention}
 * (a TTL index removes them after that).
 *
 * <p>This record is a fast path, not the guarantee: it is written after the handler, so a crash or
 * a failed write in between, or two deliveries of one event at once (a rebalance), run the handler
 * again. What makes that harmless is the rule for handlers: their database effect is one write that
 * records the event ({@link EventEffects}), or idempotent by construction; effects outside the
 * database (an e-mail) keep their own claim record.
 */
public class IdempotentConsumer implements SmartInitializingSingleton {

    public static final String COLLECTION = "processed_events";

    /** The TTL index on {@code appliedAt}. */
    public static final String RETENTION_INDEX = "applied_at_ttl";

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration retention;
    private final Counter duplicates;
    private volatile boolean retentionIndexInPlace;

    public IdempotentConsumer(MongoTemplate mongo, Clock clock, Duration retention, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
        this.duplicates = meters.counter("eops.consumer.duplicates");
    }

    /**
     * Whether this consumer applied the event before: a find of one {@code _id}, which every server answers from
     * its {@code _id} index. ({@code MongoTemplate#exists} counts with an aggregation, which the local
     * MongoDB-protocol server runs over every document of the collection: every event ever applied.)
     */
    public boolean alreadyApplied(String consumer, UUID eventId) {
        Query byKey = Query.query(Criteria.where("_id").is(IncomingEvent.appliedKey(consumer, eventId)));
        byKey.fields().include("_id");
        return mongo.findOne(byKey, Document.class, COLLECTION) != null;
    }

    /**
     * The events among these that this consumer applied before, with one query ({@code _id: {$in: ...}}):
     * a batch consumer's look-up.
     */
    public Set<UUID> appliedAmong(String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        Map<String, UUID> byKey = new HashMap<>();
        eventIds.forEach(id -> byKey.put(IncomingEvent.appliedKey(consumer, id), id));
        Query query = Query.query(Criteria.where("_id").in(byKey.keySet()));
        query.fields().include("_id");
        Set<UUID> applied = new HashSet<>();
        for (Document found : mongo.find(query, Document.class, COLLECTION)) {
            UUID id = byKey.get(found.getString("_id"));
            if (id != null) {
                applied.add(id);
                countDuplicate(consumer, id);
            }
        }
        return applied;
    }

    /** Counts and logs an event skipped because this consumer applied it before. */
    void countDuplicate(String consumer, UUID eventId) {
        duplicates.increment();
        log.info("{} already applied event {}; skipped", consumer, eventId);
    }

    /**
     * Records these events as applied with one unordered insert; ids recorded already (a concurrent
     * delivery) are left as they are without stopping the others.
     */
    public void markAllApplied(String consumer, List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        ensureRetentionIndex();
        Date now = Date.from(clock.instant());
        List<Document> records = new ArrayList<>(eventIds.size());
        for (UUID eventId : eventIds) {
            records.add(new Document("_id", IncomingEvent.appliedKey(consumer, eventId))
                    .append("consumer", consumer)
                    .append("eventId", eventId.toString())
                    .append("appliedAt", now));
        }
        try {
            mongo.getCollection(COLLECTION).insertMany(records, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException someThere) {
            boolean onlyDuplicates = someThere.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                log.warn(
                        "{} applied {} events but could not record all: {}",
                        consumer,
                        eventIds.size(),
                        someThere.getMessage());
            }
        } catch (RuntimeException notRecorded) {
            // The handlers' effects are in; a redelivery runs them again, which changes nothing.
            log.warn(
                    "{} applied {} events but could not record them: {}",
                    consumer,
                    eventIds.size(),
                    notRecorded.getMessage());
        }
    }

    /** Runs the action unless this consumer already applied the event; returns whether it ran. */
    public boolean applyOnce(String consumer, UUID eventId, Runnable action) {
        if (alreadyApplied(consumer, eventId)) {
            countDuplicate(consumer, eventId);
            return false;
        }
        action.run();
        markApplied(consumer, eventId);
        return true;
    }

    private void markApplied(String consumer, UUID eventId) {
        ensureRetentionIndex();
        try {
            mongo.insert(
                    new Document("_id", IncomingEvent.appliedKey(consumer, eventId))
                            .append("consumer", consumer)
                            .append("eventId", eventId.toString())
                            .append("appliedAt", Date.from(clock.instant())),
                    COLLECTION);
        } catch (DuplicateKeyException concurrentDelivery) {
            // Another delivery of the same event got here first; its handler's write was refused.
        } catch (DataAccessException notRecorded) {
            // The handler's effect is in; a redelivery runs the handler again, which changes nothing.
            log.warn("{} applied event {} but could not record it: {}", consumer, eventId, notRecorded.getMessage());
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensureRetentionIndex();
    }

    /**
     * Creates the TTL index, or changes its expiry when {@code applied-retention} changed. Called at
     * startup; should the database not answer then, the next recorded event tries again.
     */
    public void ensureRetentionIndex() {
        if (retentionIndexInPlace) {
            return;
        }
        try {
            Optional<IndexInfo> existing = mongo.indexOps(COLLECTION).getIndexInfo().stream()
                    .filter(index -> RETENTION_INDEX.equals(index.getName()))
                    .findFirst();
            if (existing.isEmpty()) {
                mongo.indexOps(COLLECTION)
                        .createIndex(new Index()
                                .on("appliedAt", Sort.Direction.ASC)
                                .named(RETENTION_INDEX)
                                .expire(retention));
            } else if (existing.get().getExpireAfter().map(Duration::toSeconds).orElse(-1L) != retention.toSeconds()) {
                changeRetention(existing.get());
            }
            retentionIndexInPlace = true;
        } catch (RuntimeException notNow) {
            log.warn("Cannot put the TTL index on {} in place yet: {}", COLLECTION, notNow.getMessage());
        }
    }

    /** An index's options cannot be changed by creating it again (IndexOptionsConflict): collMod does. */
    private void changeRetention(IndexInfo index) {
        try {
            mongo.getDb()
                    .runCommand(new Document("collMod", COLLECTION)
                            .append(
                                    "index",
                                    new Document("name", RETENTION_INDEX)
                                            .append("expireAfterSeconds", retention.toSeconds())));
        } catch (RuntimeException refused) {
            // Not retried per event: the index works, only with the old period.
            log.warn(
                    "{} keeps applied events {} instead of {}: {}",
                    COLLECTION,
                    index.getExpireAfter().orElse(null),
                    retention,
                    refused.getMessage());
        }
    }
}
