package se.municipality.eops.contract.notification;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A notification was delivered to its channel (for e-mail: accepted by the SMTP server).
 *
 * @param causedByEventId the event the notification tells about
 * @param requestId the request the notification is about, if any
 */
public record NotificationSent(
        UUID eventId,
        String notificationId,
        Instant occurredAt,
        Channel channel,
        String recipient,
        String template,
        UUID causedByEventId,
        String requestId)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return notificationId;
    }
}
