package se.municipality.eops.contract.notification;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/** A notification could not be delivered after its retries; {@code reason} says why. */
public record NotificationFailed(
        UUID eventId,
        String notificationId,
        Instant occurredAt,
        Channel channel,
        String recipient,
        String template,
        UUID causedByEventId,
        String requestId,
        String reason)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return notificationId;
    }
}
