package se.municipality.eops.starter.outbox;

import java.time.Instant;
import java.util.Objects;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.EventType;
import se.municipality.eops.starter.messaging.EventJson;

/**
 * An event waiting in its aggregate's document to be published. The aggregate's state and its
 * pending events are written in one document write, so both are stored or neither is, on any
 * MongoDB and without transactions.
 *
 * @param payload the event as JSON, serialized when the state changed so the relay needs no types
 */
public record PendingEvent(
        String eventId, String type, int schemaVersion, String topic, String key, Instant occurredAt, String payload) {

    public PendingEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * The event ready to be stored with its aggregate.
     *
     * @throws EventBreaksSchemaException if the event breaks its JSON Schema: consumers would reject
     *     it as poison, so it must never be stored
     */
    public static PendingEvent of(DomainEvent event) {
        EventType type = EventCatalog.of(event.getClass());
        String payload = EventJson.write(event);
        OutgoingEventCheck.requireValid(type, payload);
        return new PendingEvent(
                event.eventId().toString(),
                type.name(),
                type.schemaVersion(),
                type.topic(),
                event.aggregateId(),
                event.occurredAt(),
                payload);
    }
}
