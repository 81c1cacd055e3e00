package se.municipality.eops.notification.delivery.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.notification.delivery.domain.Message;
import se.municipality.eops.notification.delivery.domain.Notification;
import se.municipality.eops.notification.delivery.domain.NotificationFilter;
import se.municipality.eops.notification.delivery.domain.NotificationStatus;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.starter.outbox.OutboxWrites;
import se.municipality.eops.starter.outbox.PendingEvent;

/**
 * Notifications in MongoDB. The unique {@code _id} decides who claims a new notification first; the
 * version field refuses a write based on a stale read. Every write goes through the starter's
 * {@link OutboxWrites}: an update sets the state and appends the new events with {@code $push} in
 * one write, so events still waiting from an earlier write are never lost or written back.
 */
@Repository
class MongoNotifications implements Notifications {

    static final String COLLECTION = "notifications";

    private static final String VERSION = "version";
    private static final long FIRST_VERSION = 0L;

    private final MongoTemplate mongo;
    private final OutboxWrites outbox;

    MongoNotifications(MongoTemplate mongo, OutboxWrites outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public Optional<Notification> find(String id) {
        return Optional.ofNullable(mongo.findById(id, NotificationDocument.class))
                .map(MongoNotifications::toDomain);
    }

    @Override
    public boolean insertIfAbsent(Notification notification) {
        NotificationDocument document = toDocument(notification, pendingEventsOf(notification));

        try {
            NotificationDocument inserted = outbox.insert(document);
            notification.stored(inserted.version());
            return true;
        } catch (DuplicateKeyException claimedBefore) {
            return false;
        }
    }

    @Override
    public Set<String> insertAllIfAbsent(List<Notification> notifications) {
        Set<String> inserted = new LinkedHashSet<>();
        if (notifications.size() < 2
                || notifications.stream().anyMatch(n -> !n.newEvents().isEmpty())) {
            // Nothing to save; or events to publish, which only the outbox's own insert hands to the relay.
            notifications.stream()
                    .filter(this::insertIfAbsent)
                    .forEach(notification -> inserted.add(notification.id()));
            return inserted;
        }
        List<Document> documents = new ArrayList<>(notifications.size());
        for (Notification notification : notifications) {
            Document document = new Document();
            mongo.getConverter().write(toDocument(notification, List.of()), document);
            document.put(VERSION, FIRST_VERSION); // as MongoTemplate.insert starts a @Version
            documents.add(document);
        }
        Set<Integer> taken = new HashSet<>();
        try {
            // Unordered: an id taken before (a redelivery) does not stop the others.
            mongo.getCollection(COLLECTION).insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException refused) {
            for (BulkWriteError error : refused.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw refused;
                }
                taken.add(error.getIndex());
            }
        }
        for (int i = 0; i < notifications.size(); i++) {
            if (!taken.contains(i)) {
                notifications.get(i).stored(FIRST_VERSION);
                inserted.add(notifications.get(i).id());
            }
        }
        return inserted;
    }

    @Override
    public boolean update(Notification notification) {
        OptionalLong version = outbox.replace(toDocument(notification, List.of()), notification.newEvents());
        version.ifPresent(notification::stored);
        return version.isPresent();
    }

    @Override
    public List<Notification> findByRequestId(String requestId) {
        Query query = Query.query(Criteria.where("requestId").is(requestId)).with(Sort.by("createdAt", "_id"));
        return mongo.find(query, NotificationDocument.class).stream()
                .map(MongoNotifications::toDomain)
                .toList();
    }

    @Override
    public List<Notification> pendingDue(Instant now, Channel channel, int limit) {
        // A receipt left pending by the version before rules (id receipt:<eventId>) has no stored
        // message: it is not sent empty, and stays PENDING in the record (GET /api/notifications) for
        // the team to see; a replay of its event records it under today's id and sends it.
        Query query = Query.query(Criteria.where("status")
                        .is(NotificationStatus.PENDING)
                        .and("channel")
                        .is(channel)
                        .and("subject")
                        .ne(null)
                        .orOperator(
                                Criteria.where("claimedUntil").is(null),
                                Criteria.where("claimedUntil").lte(now)))
                // Notification.SWEEP_ORDER: never tried (no lastTriedAt, which sorts first) before the least
                // recently tried, so a notification that keeps failing is not every half-open breaker's trial.
                .with(Sort.by("lastTriedAt", "createdAt", "_id"))
                .limit(limit);
        return mongo.find(query, NotificationDocument.class).stream()
                .map(MongoNotifications::toDomain)
                .toList();
    }

    @Override
    public Page search(NotificationFilter filter, int page, int size) {
        Criteria criteria = new Criteria();
        List<Criteria> all = new java.util.ArrayList<>();
        if (filter.requestId() != null) {
            all.add(Criteria.where("requestId").is(filter.requestId()));
        }
        if (filter.recipient() != null) {
            all.add(Criteria.where("recipient").is(filter.recipient()));
        }
        if (filter.template() != null) {
            all.add(Criteria.where("template").is(filter.template()));
        }
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.from() != null) {
            all.add(Criteria.where("createdAt").gte(filter.from()));
        }
        if (filter.to() != null) {
            all.add(Criteria.where("createdAt").lt(filter.to()));
        }
        if (!all.isEmpty()) {
            criteria = criteria.andOperator(all);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, NotificationDocument.class);
        query.with(Sort.by("createdAt", "_id")).skip((long) page * size).limit(size);
        List<Notification> content = mongo.find(query, NotificationDocument.class).stream()
                .map(MongoNotifications::toDomain)
                .toList();
        return new Page(content, page, size, total);
    }

    private static List<PendingEvent> pendingEventsOf(Notification notification) {
        return notification.newEvents().stream().map(PendingEvent::of).toList();
    }

    /** The state; {@code pending} only for an insert (an update appends events, see above). */
    private static NotificationDocument toDocument(Notification notification, List<PendingEvent> pending) {
        Notification.Snapshot state = notification.snapshot();
        return new NotificationDocument(
                state.id(),
                state.template(),
                state.channel(),
                state.recipient(),
                state.requestId(),
                state.causedByEventId() == null ? null : state.causedByEventId().toString(),
                state.message().language(),
                state.message().subject(),
                state.message().text(),
                state.message().html(),
                state.message().link(),
                state.status(),
                state.failure(),
                state.attempts(),
                state.unknownOutcomes(),
                state.createdAt(),
                state.updatedAt(),
                state.claimedUntil(),
                state.sentAt(),
                state.lastError(),
                state.lastTriedAt(),
                state.deferredSince(),
                pending,
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
                new Message(
                        document.language() == null ? "sv" : document.language(),
                        document.subject() == null ? "" : document.subject(),
                        document.text() == null ? "" : document.text(),
                        document.html(),
                        document.link()),
                document.status(),
                document.failure(),
                document.attempts(),
                document.unknownOutcomes(),
                document.createdAt(),
                document.updatedAt(),
                document.claimedUntil(),
                document.sentAt(),
                document.lastError(),
                document.lastTriedAt(),
                document.deferredSince(),
                document.version()));
    }
}
