package se.municipality.eops.starter.outbox;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bson.Document;
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
 * @param traceparent the W3C trace context of the thread that raised the event (the HTTP request or the
 *     consumer), or null: the relay publishes the event in that trace, also when the sweep publishes it
 *     after a restart ({@link TraceHeaders})
 * @param tracestate the W3C {@code tracestate} that came with it, or null
 */
public record PendingEvent(
        String eventId,
        String type,
        int schemaVersion,
        String topic,
        String key,
        Instant occurredAt,
        String payload,
        String traceparent,
        String tracestate) {

    public PendingEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** The same event raised within the given trace (null: none). */
    public PendingEvent withTrace(TraceHeaders trace) {
        return new PendingEvent(
                eventId,
                type,
                schemaVersion,
                topic,
                key,
                occurredAt,
                payload,
                trace == null ? null : trace.traceparent(),
                trace == null ? null : trace.tracestate());
    }

    /** The trace the event was raised in, or null. */
    public TraceHeaders traceHeaders() {
        return TraceHeaders.of(traceparent, tracestate);
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
        TraceHeaders raisedIn = TraceHeaders.current();
        return new PendingEvent(
                event.eventId().toString(),
                type.name(),
                type.schemaVersion(),
                type.topic(),
                event.aggregateId(),
                event.occurredAt(),
                payload,
                raisedIn == null ? null : raisedIn.traceparent(),
                raisedIn == null ? null : raisedIn.tracestate());
    }

    /** The event as the relay stores it in {@code pendingEvents} (and {@code parkedEvents}). */
    public Document toDocument() {
        Document document = new Document("eventId", eventId)
                .append("type", type)
                .append("schemaVersion", schemaVersion)
                .append("topic", topic)
                .append("key", key)
                .append("occurredAt", Date.from(occurredAt))
                .append("payload", payload);
        // As Spring Data writes the record into an aggregate's pendingEvents: fields that are null are left out.
        if (traceparent != null) {
            document.append(TraceHeaders.TRACEPARENT, traceparent);
        }
        if (tracestate != null) {
            document.append(TraceHeaders.TRACESTATE, tracestate);
        }
        return document;
    }

    /** Reads an entry of {@code pendingEvents} or {@code parkedEvents}, ignoring parking notes. */
    public static PendingEvent fromDocument(Document document) {
        return new PendingEvent(
                document.getString("eventId"),
                document.getString("type"),
                document.getInteger("schemaVersion", 1),
                document.getString("topic"),
                document.getString("key"),
                document.getDate("occurredAt").toInstant(),
                document.getString("payload"),
                document.getString(TraceHeaders.TRACEPARENT),
                document.getString(TraceHeaders.TRACESTATE));
    }
}
