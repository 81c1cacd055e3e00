package se.municipality.eops.notification.delivery.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.notification.delivery.domain.FailureKind;
import se.municipality.eops.notification.delivery.domain.NotificationStatus;
import se.municipality.eops.starter.outbox.PendingEvent;

/**
 * A notification as stored, with the events it raised that are not published yet. State and events
 * are one document, so one write stores both or neither; the starter's outbox relay publishes and
 * removes the events right after the write.
 */
@Document(MongoNotifications.COLLECTION)
// The outbox's own index (on the oldest pending event) is created by the starter.
// Every update is a versioned write, {_id, version}, answered from the _id index (also by the local
// MongoDB-protocol server of ./run.sh and the tests: local-stack's UniqueIndexLookups).
record NotificationDocument(
        @Id String id,
        String template,
        Channel channel,
        String recipient,
        @Indexed String requestId,
        String causedByEventId,
        String language,
        String subject,
        String text,
        String html,
        String link,
        @Indexed NotificationStatus status,
        FailureKind failure,
        int attempts,
        int unknownOutcomes,
        Instant createdAt,
        Instant updatedAt,
        Instant claimedUntil,
        Instant sentAt,
        String lastError,
        Instant lastTriedAt,
        Instant deferredSince,
        List<PendingEvent> pendingEvents,
        @Version Long version) {}
