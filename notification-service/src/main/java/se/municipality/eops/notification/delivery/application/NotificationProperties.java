package se.municipality.eops.notification.delivery.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param claimLease how long a delivery attempt owns a notification; must outlast the slowest send
 *     with its retries (every SMTP step times out after 5 s)
 * @param retryDelay how long a notification that could not be sent (server down, breaker open) waits
 *     before the sweep tries it again
 * @param sweepInterval how often the sweep looks for pending notifications nobody is sending: left
 *     over by a crash, waiting out an outage, or not taken by a busy sender
 * @param sweepBatchSize notifications one sweep run takes at most
 * @param senderThreads threads sending right after an event was recorded (each keeps an SMTP connection)
 * @param senderQueue notifications waiting for a sender thread; beyond it the sweep sends them
 */
@ConfigurationProperties("eops.notifications")
public record NotificationProperties(
        @DefaultValue("30s") Duration claimLease,
        @DefaultValue("5s") Duration retryDelay,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("200") int sweepBatchSize,
        @DefaultValue("3") int senderThreads,
        @DefaultValue("10000") int senderQueue) {

    public NotificationProperties {
        if (claimLease.isNegative() || claimLease.isZero()) {
            throw new IllegalArgumentException("eops.notifications.claim-lease must be positive");
        }
        if (senderThreads < 1 || senderQueue < 1 || sweepBatchSize < 1) {
            throw new IllegalArgumentException(
                    "eops.notifications.sender-threads, sender-queue and sweep-batch-size must be at least 1");
        }
    }
}
