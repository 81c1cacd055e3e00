package se.municipality.eops.starter.outbox;

import java.util.List;
import se.municipality.eops.contract.EventType;
import se.municipality.eops.contract.schema.EventSchemaValidator;

/**
 * Checks an event against its JSON Schema before it may wait in an aggregate's document. Consumers
 * check what they receive against the same schema and dead-letter what breaks it, so an event that
 * fails here would be stored, published and then thrown away; refusing it here turns that into an
 * answer to the caller who caused it.
 */
final class OutgoingEventCheck {

    private OutgoingEventCheck() {}

    static void requireValid(EventType type, String payload) {
        List<EventSchemaValidator.Violation> violations =
                EventSchemaValidator.load().check(type.name(), payload);
        if (!violations.isEmpty()) {
            throw new EventBreaksSchemaException(type.name(), violations);
        }
    }
}
