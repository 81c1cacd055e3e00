package se.municipality.eops.starter.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;
import se.municipality.eops.contract.schema.EventSchemaValidator;
import se.municipality.eops.starter.messaging.BatchBindings;
import se.municipality.eops.starter.messaging.BatchRetry;
import se.municipality.eops.starter.messaging.ConsumerProperties;
import se.municipality.eops.starter.messaging.DeadLetters;
import se.municipality.eops.starter.messaging.EventConsumers;
import se.municipality.eops.starter.messaging.EventEffects;
import se.municipality.eops.starter.messaging.IdempotentConsumer;
import se.municipality.eops.starter.outbox.KafkaEventPublisher;
import se.municipality.eops.starter.outbox.OutboxEndpoint;
import se.municipality.eops.starter.outbox.OutboxListener;
import se.municipality.eops.starter.outbox.OutboxMetrics;
import se.municipality.eops.starter.outbox.OutboxProperties;
import se.municipality.eops.starter.outbox.OutboxRelay;
import se.municipality.eops.starter.outbox.OutboxSweeper;
import se.municipality.eops.starter.outbox.OutboxWrites;
import se.municipality.eops.starter.outbox.PublishAfterSave;
import se.municipality.eops.starter.web.ProblemResponses;

/** Wires the starter's parts into every service. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.cloud.stream.config.BindingServiceConfiguration"
        })
@EnableConfigurationProperties({OutboxProperties.class, ConsumerProperties.class})
public class EopsStarterAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaEventPublisher kafkaEventPublisher(StreamBridge streamBridge, OutboxProperties properties) {
        return new KafkaEventPublisher(streamBridge, properties.source());
    }

    /** Hands the future of every send of the binder's Kafka producers to the outbox's publisher. */
    @Bean
    ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> outboxSendResults(
            KafkaEventPublisher publisher) {
        return publisher.handlerCustomizer();
    }

    @Bean
    OutboxMetrics outboxMetrics(MeterRegistry meters, MongoTemplate mongo, OutboxProperties properties) {
        return new OutboxMetrics(meters, mongo, properties);
    }

    @Bean
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            KafkaEventPublisher publisher,
            OutboxProperties properties,
            Clock clock,
            ObjectProvider<OutboxListener> listeners) {
        return new OutboxRelay(
                mongo, publisher, properties, clock, listeners.orderedStream().toList());
    }

    @Bean
    OutboxWrites outboxWrites(MongoTemplate mongo, OutboxRelay relay) {
        return new OutboxWrites(mongo, relay);
    }

    @Bean
    OutboxEndpoint outboxEndpoint(OutboxRelay relay, OutboxProperties properties) {
        return new OutboxEndpoint(relay, properties);
    }

    /** The locks across replicas: collection "shedLock" of the service's database. */
    @Bean
    @ConditionalOnMissingBean
    ExtensibleLockProvider eopsLockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getDb());
    }

    /** The lock of every {@link se.municipality.eops.starter.scheduling.LockedJobs}. */
    @Bean
    @ConditionalOnMissingBean
    LockingTaskExecutor eopsLockingTaskExecutor(ExtensibleLockProvider locks) {
        return new DefaultLockingTaskExecutor(locks);
    }

    @Bean
    OutboxSweeper outboxSweeper(OutboxRelay relay, OutboxProperties properties, LockingTaskExecutor lock) {
        return new OutboxSweeper(relay, properties.sweepInterval(), properties.sweepMaxRun(), lock, "outbox-sweep");
    }

    @Bean
    PublishAfterSave publishAfterSave(OutboxRelay relay, OutboxProperties properties) {
        return new PublishAfterSave(relay, properties.collections());
    }

    @Bean
    @ConditionalOnMissingBean
    EventSchemaValidator eventSchemaValidator() {
        return EventSchemaValidator.load();
    }

    @Bean
    IdempotentConsumer idempotentConsumer(
            MongoTemplate mongo, Clock clock, ConsumerProperties properties, MeterRegistry meters) {
        return new IdempotentConsumer(mongo, clock, properties.appliedRetention(), meters);
    }

    @Bean
    EventEffects eventEffects(MongoTemplate mongo, MeterRegistry meters) {
        return new EventEffects(mongo, meters);
    }

    /** Batch bindings get the records' bytes unconverted (see {@link BatchBindings}). */
    @Bean
    static BatchBindings eopsBatchBindings() {
        return new BatchBindings();
    }

    /** Where batch consumers send a single record of a batch that cannot be applied (the binder would send them all). */
    @Bean
    DeadLetters deadLetters(Environment environment) {
        return DeadLetters.from(environment);
    }

    @Bean
    EventConsumers eventConsumers(
            IdempotentConsumer idempotentConsumer,
            EventSchemaValidator validator,
            DeadLetters deadLetters,
            Environment environment,
            ObjectProvider<ObservationRegistry> observations) {
        return new EventConsumers(
                idempotentConsumer,
                validator,
                deadLetters,
                BatchRetry.from(environment),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }
}
