package se.municipality.eops.starter.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How a batch consumer retries a failing handler: the binder does not retry in batch mode, so the starter
 * does, with the settings every binding has ({@code spring.cloud.stream.default.consumer.max-attempts},
 * {@code back-off-initial-interval}, {@code back-off-multiplier}, {@code back-off-max-interval}).
 */
public record BatchRetry(int maxAttempts, Duration initialInterval, double multiplier, Duration maxInterval) {

    public BatchRetry {
        maxAttempts = Math.max(1, maxAttempts);
    }

    public static BatchRetry from(Environment environment) {
        Binder binder = Binder.get(environment);
        String prefix = "spring.cloud.stream.default.consumer.";
        return new BatchRetry(
                binder.bind(prefix + "max-attempts", Integer.class).orElse(3),
                Duration.ofMillis(binder.bind(prefix + "back-off-initial-interval", Long.class)
                        .orElse(1000L)),
                binder.bind(prefix + "back-off-multiplier", Double.class).orElse(2.0),
                Duration.ofMillis(binder.bind(prefix + "back-off-max-interval", Long.class)
                        .orElse(10000L)));
    }

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
    Duration waitAfter(int attempt) {
        double millis = initialInterval.toMillis() * Math.pow(multiplier, attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, maxInterval.toMillis()));
    }
}
