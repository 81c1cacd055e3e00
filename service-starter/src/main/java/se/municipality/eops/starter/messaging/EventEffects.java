package se.municipality.eops.starter.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes a handler's database effect together with the proof that this event caused it, in one
 * document write, so that no redelivery, crash or concurrent delivery can apply it twice. MongoDB
 * makes a single document write atomic without transactions, on any server.
 *
 * <p>Two shapes cover the handlers of the suite:
 *
 * <ul>
 *   <li>{@link #insert}: the event creates a document. Its {@code _id} is the event's {@link
 *       IncomingEvent#appliedKey() key}, so a second insert is a duplicate key and changes nothing.
 *   <li>{@link #update} / {@link #upsert}: the event changes a document. The filter excludes a
 *       document that already lists the key in {@value #APPLIED_EVENTS}, and the same update pushes
 *       the key there. A repository that saves whole aggregates with a version does the same with
 *       {@link #notYetApplied} and {@link #recordApplied}.
 * </ul>
 *
 * Each method answers whether this call applied the event; {@link Outcome#ALREADY_APPLIED} is not an
 * error, the handler simply has nothing left to do.
 */
public class EventEffects {

    /** The field in which a document lists the keys of the latest events applied to it. */
    public static final String APPLIED_EVENTS = "appliedEvents";

    /**
     * How many keys a document keeps, newest last. Enough that an event cannot come back after so
     * many later ones changed the same document; the record in {@value IdempotentConsumer#COLLECTION}
     * skips older redeliveries before they get here.
     */
    public static final int KEYS_KEPT_PER_DOCUMENT = 100;

    private static final Logger log = LoggerFactory.getLogger(EventEffects.class);

    private final MongoTemplate mongo;
    private final Counter duplicates;

    public EventEffects(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.duplicates = meters.counter("eops.consumer.duplicates");
    }

    /** What a write keyed by an event did. */
    public enum Outcome {
        /** This call wrote the effect. */
        APPLIED,
        /** The effect of this event was written before; nothing changed. */
        ALREADY_APPLIED,
        /** No document matched the query (update only); nothing changed. */
        NO_MATCH;

        public boolean applied() {
            return this == APPLIED;
        }
    }

    /**
     * Inserts the document this event creates, with the event's key as {@code _id}.
     *
     * @throws IllegalArgumentException if the document has an {@code _id} of its own
     */
    public Outcome insert(IncomingEvent<?> event, Document document, String collection) {
        String key = event.appliedKey();
        Object id = document.get("_id");
        if (id != null && !key.equals(id)) {
            throw new IllegalArgumentException(
                    "a document inserted once per event has the event's key as _id, not " + id);
        }
        try {
            mongo.insert(new Document(document).append("_id", key), collection);
            return Outcome.APPLIED;
        } catch (DuplicateKeyException appliedBefore) {
            return alreadyApplied(key, collection);
        }
    }

    /**
     * Applies {@code update} to the first document {@code query} selects, unless that document lists
     * the event already; the same write adds the event's key to {@value #APPLIED_EVENTS}.
     * {@code update} gets the key pushed, so don't reuse it for another event.
     */
    public Outcome update(IncomingEvent<?> event, Query query, Update update, String collection) {
        String key = event.appliedKey();
        Query guarded = Query.of(query).addCriteria(notYetApplied(key));
        if (mongo.updateFirst(guarded, recordApplied(update, key), collection).getMatchedCount() == 1) {
            return Outcome.APPLIED;
        }
        Query listingTheKey =
                Query.of(query).addCriteria(Criteria.where(APPLIED_EVENTS).is(key));
        return mongo.exists(listingTheKey, collection) ? alreadyApplied(key, collection) : Outcome.NO_MATCH;
    }

    /**
     * Like {@link #update}, but creates the document from the query's equality conditions and the
     * update when none matches. {@code query} must select the document by {@code _id} (or another
     * unique key), so that an upsert racing a document that lists the key fails as a duplicate.
     */
    public Outcome upsert(IncomingEvent<?> event, Query query, Update update, String collection) {
        String key = event.appliedKey();
        Query guarded = Query.of(query).addCriteria(notYetApplied(key));
        try {
            mongo.upsert(guarded, recordApplied(update, key), collection);
            return Outcome.APPLIED;
        } catch (DuplicateKeyException listsTheKey) {
            // The document exists but the filter excluded it: it lists the key.
            return alreadyApplied(key, collection);
        }
    }

    /** The filter condition that leaves out a document which lists the event's key. */
    public static Criteria notYetApplied(String appliedKey) {
        return Criteria.where(APPLIED_EVENTS).ne(appliedKey);
    }

    /** Adds the event's key to {@value #APPLIED_EVENTS} in {@code update}, keeping the latest keys. */
    public static Update recordApplied(Update update, String appliedKey) {
        update.push(APPLIED_EVENTS).slice(-KEYS_KEPT_PER_DOCUMENT).each(appliedKey);
        return update;
    }

    private Outcome alreadyApplied(String key, String collection) {
        duplicates.increment();
        log.info("{} was applied to {} before; nothing changed", key, collection);
        return Outcome.ALREADY_APPLIED;
    }
}
