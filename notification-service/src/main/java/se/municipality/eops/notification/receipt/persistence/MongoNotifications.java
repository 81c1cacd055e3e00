package se.municipality.eops.notification.receipt.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import se.municipality.eops.notification.receipt.domain.Notification;
import se.municipality.eops.notification.receipt.domain.Notifications;
import se.municipality.eops.starter.outbox.PendingEvent;

/**
 * Notifications in MongoDB. The unique {@code _id} decides who claims a new notification first; the
 * version field refuses a write based on a stale read. Every write goes through {@code save}/{@code
 * insert}, which the starter's outbox listener follows with the publication of the pending events.
 */
@Repository
class MongoNotifications implements Notifications {

    static final String COLLECTION = "notifications";

    private final MongoTemplate mongo;

    MongoNotifications(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Notification> find(String id) {
        return Optional.ofNullable(mongo.findById(id, NotificationDocument.class))
                .map(MongoNotifications::toDomain);
    }

    @Override
    public boolean insertIfAbsent(Notification notification) {
        NotificationDocument document = toDocument(notification, List.of());

        try {
            NotificationDocument inserted = mongo.insert(document);
            notification.stored(inserted.version());
            return true;
        } catch (DuplicateKeyException claimedBefore) {
            return false;
        }
    }

    @Override
    public boolean update(Notification notification) {
        try {
            NotificationDocument saved = mongo.save(toDocument(notification, stillPending(notification.id())));
            notification.stored(saved.version());
            return true;
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            return false;
        }
    }

    @Override
    public List<Notification> findByRequestId(String requestId) {
        Query query = Query.query(Criteria.where("requestId").is(requestId)).with(Sort.by("createdAt", "_id"));
        return mongo.find(query, NotificationDocument.class).stream()
                .map(MongoNotifications::toDomain)
                .toList();
    }

    /**
     * The events of earlier writes the relay has not published yet: a save replaces the whole
     * document and must carry them over. Should the relay remove one in between, the save puts it
     * back and it is published twice, which consumers absorb (they apply each event id once).
     */
    private List<PendingEvent> stillPending(String id) {
        NotificationDocument current = mongo.findById(id, NotificationDocument.class);
        return current == null || current.pendingEvents() == null ? List.of() : current.pendingEvents();
    }

    private static NotificationDocument toDocument(Notification notification, List<PendingEvent> pending) {
        Notification.Snapshot state = notification.snapshot();
        List<PendingEvent> events = new ArrayList<>(pending);
        notification.newEvents().forEach(event -> events.add(PendingEvent.of(event)));
        return new NotificationDocument(
                state.id(),
                state.template(),
                state.channel(),
                state.recipient(),
                state.requestId(),
                state.causedByEventId() == null ? null : state.causedByEventId().toString(),
                state.status(),
                state.failure(),
                state.attempts(),
                state.createdAt(),
                state.updatedAt(),
                state.claimedUntil(),
                state.sentAt(),
                state.lastError(),
                events,
                state.version());
    }

    private static Notification toDomain(NotificationDocument document) {
        return Notification.restore(new Notification.Snapshot(
                document.id(),
                document.template(),
                document.channel(),
                document.recipient(),
                document.requestId(),
                document.causedByEventId() == null ? null : UUID.fromString(document.causedByEventId()),
                document.status(),
                document.failure(),
                document.attempts(),
                document.createdAt(),
                document.updatedAt(),
                document.claimedUntil(),
                document.sentAt(),
                document.lastError(),
                document.version()));
    }
}
