package se.municipality.eops.starter.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Puts the {@link MongoPingHealthIndicator} in place of Boot's MongoDB indicator (same name,
 * {@code mongo}, and the same switch, {@code management.health.mongodb.enabled}), so the readiness
 * group can include MongoDB on any MongoDB-protocol server.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnEnabledHealthIndicator("mongo")
public class MongoHealthConfiguration {

    /** The bean name Boot's own indicator backs off from. */
    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnBean(MongoDatabaseFactory.class)
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabaseFactory databases) {
        return new MongoPingHealthIndicator(databases);
    }
}
