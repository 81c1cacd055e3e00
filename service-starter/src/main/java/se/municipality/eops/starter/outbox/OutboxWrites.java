package se.municipality.eops.starter.outbox;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.bson.Document;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.municipality.eops.contract.DomainEvent;

/**
 * The writes of an aggregate that raises events, for every service's persistence adapters. New
 * events are <em>appended</em> to {@code pendingEvents} with {@code $push}/{@code $each} in the same
 * document write as the state change, never by rewriting the list: the relay removes published
 * events and other writers append theirs at the same time, and a read-modify-save of the whole
 * document would lose or resurrect some of them. Neither method ever writes {@code pendingEvents}
 * or {@code parkedEvents} as a whole. Do not {@code save} an outbox document that already exists.
 */
public class OutboxWrites {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public OutboxWrites(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /**
     * Stores a new aggregate with its first events in its {@code pendingEvents} ({@link
     * PendingEvent#of}); they are published right after the write.
     *
     * @throws org.springframework.dao.DuplicateKeyException if the id is taken
     */
    public <T> T insert(T document) {
        T inserted = mongo.insert(document);
        // MongoTemplate's after-save event already hands the document to the relay (PublishAfterSave).
        return inserted;
    }

    /**
     * Applies {@code update} to the aggregate {@code id} if it still matches {@code condition} (for
     * example its version) and appends {@code events} in the same write, then publishes them.
     *
     * @param condition more criteria the document must meet, or null
     * @return whether the document was there and matched
     */
    public boolean update(
            Class<?> documentType, Object id, Criteria condition, Update update, List<? extends DomainEvent> events) {
        Query query = Query.query(Criteria.where("_id").is(id));
        if (condition != null) {
            query.addCriteria(condition);
        }
        boolean matched = mongo.updateFirst(query, withEvents(update, events), documentType)
                        .getMatchedCount()
                > 0;
        if (matched && !events.isEmpty()) {
            relay.publishSoon(mongo.getCollectionName(documentType), id);
        }
        return matched;
    }

    /**
     * Writes every field of {@code document} but its events if the stored version still is the one
     * in {@code document} (optimistic locking, as {@code save} does), bumps the version and appends
     * {@code events}, then publishes them. Fields that are null in {@code document} are removed.
     *
     * @return the new version, or empty if another write came first (or the document is gone)
     */
    public OptionalLong replace(Object document, List<? extends DomainEvent> events) {
        MongoPersistentEntity<?> entity =
                mongo.getConverter().getMappingContext().getRequiredPersistentEntity(document.getClass());
        MongoPersistentProperty versionProperty = entity.getVersionProperty();
        if (versionProperty == null) {
            throw new IllegalArgumentException(document.getClass().getName()
                    + " has no @Version: a replace without one could overwrite a concurrent write");
        }
        PersistentPropertyAccessor<?> accessor = entity.getPropertyAccessor(document);
        Object id = Objects.requireNonNull(accessor.getProperty(entity.getRequiredIdProperty()), "id");
        Number stored = (Number) accessor.getProperty(versionProperty);
        long current = stored == null ? 0 : stored.longValue();

        Document state = new Document();
        mongo.getConverter().write(document, state);
        Update update = new Update();
        for (MongoPersistentProperty property : entity) {
            String field = property.getFieldName();
            if (property.isIdProperty()
                    || property.isVersionProperty()
                    || field.equals(OutboxRelay.PENDING_EVENTS)
                    || field.equals(OutboxRelay.PARKED_EVENTS)) {
                continue;
            }
            if (state.containsKey(field)) {
                update.set(field, state.get(field));
            } else {
                update.unset(field);
            }
        }
        String versionField = versionProperty.getFieldName();
        update.set(versionField, current + 1);
        Query query = Query.query(Criteria.where("_id").is(state.get("_id")))
                .addCriteria(Criteria.where(versionField).is(current));
        String collection = entity.getCollection();
        boolean matched =
                mongo.updateFirst(query, withEvents(update, events), collection).getMatchedCount() > 0;
        if (!matched) {
            return OptionalLong.empty();
        }
        if (!events.isEmpty()) {
            relay.publishSoon(collection, state.get("_id"));
        }
        return OptionalLong.of(current + 1);
    }

    private static Update withEvents(Update update, List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return update;
        }
        Object[] pending = events.stream()
                .map(event -> PendingEvent.of(event).toDocument())
                .toArray();
        return update.push(OutboxRelay.PENDING_EVENTS).each(pending);
    }
}
