package se.municipality.eops.notification.receipt.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param claimLease how long a delivery attempt owns a notification; must outlast the slowest SMTP
 *     conversation (every SMTP step times out after 5 s), and should stay below the Kafka consumer's
 *     session timeout so that the redelivery after a crash finds the claim expired
 * @param maxAttempts the attempts per round before a notification gives up and reports
 *     {@code NotificationFailed}; the same number as the binder's attempts, so the last attempt of
 *     the binder is the one that reports
 */
@ConfigurationProperties("eops.notifications")
public record NotificationProperties(Duration claimLease, Integer maxAttempts) {

    public NotificationProperties {
        claimLease = claimLease == null ? Duration.ofSeconds(30) : claimLease;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        if (claimLease.isNegative() || claimLease.isZero()) {
            throw new IllegalArgumentException("eops.notifications.claim-lease must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("eops.notifications.max-attempts must be at least 1");
        }
    }
}
