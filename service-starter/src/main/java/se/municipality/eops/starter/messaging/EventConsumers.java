package se.municipality.eops.starter.messaging;

import io.micrometer.observation.ObservationRegistry;
import se.municipality.eops.contract.schema.EventSchemaValidator;

/** Entry point for services: {@code consumers.named("notify-on-request").on(...).build()} (or {@code buildBatch()}). */
public class EventConsumers {

    private final IdempotentConsumer idempotentConsumer;
    private final EventSchemaValidator validator;
    private final DeadLetters deadLetters;
    private final BatchRetry retry;
    private final ObservationRegistry observations;

    /**
     * @param deadLetters where batch consumers send a single record that cannot be applied
     * @param retry how batch consumers retry a failing handler (the binder does not in batch mode)
     */
    public EventConsumers(
            IdempotentConsumer idempotentConsumer,
            EventSchemaValidator validator,
            DeadLetters deadLetters,
            BatchRetry retry) {
        this(idempotentConsumer, validator, deadLetters, retry, ObservationRegistry.NOOP);
    }

    /**
     * @param observations where batch consumers observe each record, continuing the trace of its {@code
     *     traceparent} (the binder observes a batch as a whole, so its records' traces would be lost)
     */
    public EventConsumers(
            IdempotentConsumer idempotentConsumer,
            EventSchemaValidator validator,
            DeadLetters deadLetters,
            BatchRetry retry,
            ObservationRegistry observations) {
        this.idempotentConsumer = idempotentConsumer;
        this.validator = validator;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.observations = observations;
    }

    /** @param consumerName names the consumer in the record of applied events; keep it stable */
    public EventHandlers named(String consumerName) {
        return new EventHandlers(consumerName, idempotentConsumer, validator, deadLetters, retry, observations);
    }
}
