package se.municipality.eops.notification.delivery.web;

import java.time.Instant;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.notification.delivery.domain.FailureKind;
import se.municipality.eops.notification.delivery.domain.Notification;
import se.municipality.eops.notification.delivery.domain.NotificationStatus;

/**
 * What the central team sees of a notification.
 *
 * @param attempts the delivery attempts of the current round
 * @param lastError the latest failure: the reason it failed, or what the next attempt waits out
 */
public record NotificationView(
        String id,
        String requestId,
        String template,
        Channel channel,
        String recipient,
        String language,
        String subject,
        NotificationStatus status,
        FailureKind failure,
        int attempts,
        Instant createdAt,
        Instant updatedAt,
        Instant sentAt,
        String lastError) {

    static NotificationView of(Notification notification) {
        Notification.Snapshot state = notification.snapshot();
        return new NotificationView(
                state.id(),
                state.requestId(),
                state.template(),
                state.channel(),
                state.recipient(),
                state.message().language(),
                state.message().subject(),
                state.status(),
                state.failure(),
                state.attempts(),
                state.createdAt(),
                state.updatedAt(),
                state.sentAt(),
                state.lastError());
    }
}
