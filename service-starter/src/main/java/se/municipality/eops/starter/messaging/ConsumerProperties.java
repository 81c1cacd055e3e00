package se.municipality.eops.starter.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param appliedRetention how long the record of an applied event ({@value IdempotentConsumer#COLLECTION})
 *     is kept before MongoDB's TTL monitor removes it. Longer than any window in which the event can
 *     come back: Kafka keeps records 7 days by default, and a replay from a dead-letter topic comes
 *     within its retention too. After it, a redelivery is still harmless where the handler follows
 *     the rule of {@link EventEffects}; only the fast skip is gone.
 */
@ConfigurationProperties("eops.consumer")
public record ConsumerProperties(Duration appliedRetention) {

    public ConsumerProperties {
        appliedRetention = appliedRetention == null ? Duration.ofDays(30) : appliedRetention;
        if (appliedRetention.toSeconds() < 1) {
            throw new IllegalArgumentException("eops.consumer.applied-retention must be at least one second");
        }
    }
}
