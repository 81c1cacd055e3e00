package se.municipality.eops.notification.delivery.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param claimLease how long a delivery attempt owns a notification. A send starts with at least half of it
 *     left (else it renews the claim first) and renews it every third of it while on its way, so a slow send
 *     is never taken over; a crashed attempt's notifications wait this long for the sweep
 * @param retryDelay how long a notification that could not be sent (server down, breaker open) waits
 *     before the sweep tries it again
 * @param sweepInterval how often the sweep looks for pending notifications nobody is sending: left
 *     over by a crash, waiting out an outage, or not taken by a busy sender
 * @param sweepBatchSize notifications one sweep run takes at most
 * @param senderThreads threads sending right after an event was recorded (each keeps an SMTP connection)
 * @param senderQueue notifications waiting for a sender thread; beyond it the sweep sends them
 * @param unknownOutcomeDelay how long a notification sent without an answer (its outcome unknown: the server may
 *     have it) waits before it is sent once more: long enough for a server that took it to have delivered it
 * @param unknownOutcomeResends how often such a notification is sent again; when the outcome of the last send
 *     stays unknown too it fails for good ("outcome unknown"). 0: it fails after the first
 * @param giveUpAfter how long the channel may refuse a notification for now (a 4xx: a recipient the mail server
 *     keeps deferring) on every try while it takes other notifications, before it is given up as {@code FAILED}
 *     with {@code NotificationFailed}. Only tries after which the channel had taken another notification since the
 *     previous one count, so an outage is waited out however long it lasts. 0: never given up
 */
@ConfigurationProperties("eops.notifications")
public record NotificationProperties(
        @DefaultValue("30s") Duration claimLease,
        @DefaultValue("5s") Duration retryDelay,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("200") int sweepBatchSize,
        @DefaultValue("3") int senderThreads,
        @DefaultValue("10000") int senderQueue,
        @DefaultValue("10m") Duration unknownOutcomeDelay,
        @DefaultValue("1") int unknownOutcomeResends,
        @DefaultValue("1h") Duration giveUpAfter) {

    public NotificationProperties {
        if (claimLease.isNegative() || claimLease.isZero()) {
            throw new IllegalArgumentException("eops.notifications.claim-lease must be positive");
        }
        if (unknownOutcomeDelay.isNegative() || unknownOutcomeResends < 0) {
            throw new IllegalArgumentException(
                    "eops.notifications.unknown-outcome-delay and unknown-outcome-resends must not be negative");
        }
        if (giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("eops.notifications.give-up-after must not be negative");
        }
        if (senderThreads < 1 || senderQueue < 1 || sweepBatchSize < 1) {
            throw new IllegalArgumentException(
                    "eops.notifications.sender-threads, sender-queue and sweep-batch-size must be at least 1");
        }
    }
}
