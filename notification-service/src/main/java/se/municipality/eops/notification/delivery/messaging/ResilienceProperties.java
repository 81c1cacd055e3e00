package se.municipality.eops.notification.delivery.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Resilience4j settings, the same for every channel; each channel has its own retry and breaker.
 *
 * @param retryAttempts attempts of one send, the first included, before the notification waits for
 *     the sweep ({@code eops.notifications.retry-delay})
 * @param retryWait the wait before the second attempt; it doubles for each further one
 * @param breakerWindow the latest sends the breaker judges the failure rate on
 * @param breakerMinimumCalls sends before the breaker judges at all
 * @param breakerFailureRate percentage of failed sends that opens the breaker
 * @param breakerOpenFor how long the open breaker refuses sends before it lets a few try (half open)
 */
@ConfigurationProperties("eops.notifications.resilience")
record ResilienceProperties(
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("200ms") Duration retryWait,
        @DefaultValue("10") int breakerWindow,
        @DefaultValue("5") int breakerMinimumCalls,
        @DefaultValue("50") float breakerFailureRate,
        @DefaultValue("30s") Duration breakerOpenFor) {}
