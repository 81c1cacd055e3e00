package se.municipality.eops.starter.messaging;

import se.municipality.eops.contract.schema.EventSchemaValidator;

/** Entry point for services: {@code consumers.named("notify-on-request").on(...).build()} (or {@code buildBatch()}). */
public class EventConsumers {

    private final IdempotentConsumer idempotentConsumer;
    private final EventSchemaValidator validator;
    private final DeadLetters deadLetters;
    private final BatchRetry retry;

    /**
     * @param deadLetters where batch consumers send a single record that cannot be applied
     * @param retry how batch consumers retry a failing handler (the binder does not in batch mode)
     */
    public EventConsumers(
            IdempotentConsumer idempotentConsumer,
            EventSchemaValidator validator,
            DeadLetters deadLetters,
            BatchRetry retry) {
        this.idempotentConsumer = idempotentConsumer;
        this.validator = validator;
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    /** @param consumerName names the consumer in the record of applied events; keep it stable */
    public EventHandlers named(String consumerName) {
        return new EventHandlers(consumerName, idempotentConsumer, validator, deadLetters, retry);
    }
}
