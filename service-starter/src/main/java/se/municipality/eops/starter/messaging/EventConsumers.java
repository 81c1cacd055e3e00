package se.municipality.eops.starter.messaging;

import se.municipality.eops.contract.schema.EventSchemaValidator;

/** Entry point for services: {@code consumers.named("notify-on-request").on(...).build()}. */
public class EventConsumers {

    private final IdempotentConsumer idempotentConsumer;
    private final EventSchemaValidator validator;

    public EventConsumers(IdempotentConsumer idempotentConsumer, EventSchemaValidator validator) {
        this.idempotentConsumer = idempotentConsumer;
        this.validator = validator;
    }

    /** @param consumerName names the consumer in the record of applied events; keep it stable */
    public EventHandlers named(String consumerName) {
        return new EventHandlers(consumerName, idempotentConsumer, validator);
    }
}
