package se.municipality.eops.starter.messaging;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.EventType;
import se.municipality.eops.contract.schema.EventSchemaValidator;
import tools.jackson.core.JacksonException;

/**
 * Builds the consumer of one topic: reads the CloudEvents type, checks the payload against the
 * event's JSON Schema, decodes it and hands it to the handler registered for that type, once per
 * event id. Events of known types this consumer does not handle are skipped; anything malformed
 * or of a type no one defined is a {@link PoisonEventException} and goes to the dead-letter topic.
 */
public final class EventHandlers {

    private static final Logger log = LoggerFactory.getLogger(EventHandlers.class);

    private final String consumerName;
    private final IdempotentConsumer idempotentConsumer;
    private final EventSchemaValidator validator;
    private final Map<String, Registration<?>> handlers = new LinkedHashMap<>();

    EventHandlers(String consumerName, IdempotentConsumer idempotentConsumer, EventSchemaValidator validator) {
        this.consumerName = consumerName;
        this.idempotentConsumer = idempotentConsumer;
        this.validator = validator;
    }

    public <E extends DomainEvent> EventHandlers on(Class<E> eventType, Consumer<IncomingEvent<E>> handler) {
        EventType type = EventCatalog.of(eventType);
        handlers.put(type.name(), new Registration<>(eventType, handler));
        return this;
    }

    public Consumer<Message<byte[]>> build() {
        return this::handle;
    }

    private void handle(Message<byte[]> message) {
        String type = header(message, CloudEventHeaders.TYPE);
        if (type == null) {
            throw new PoisonEventException("missing header " + CloudEventHeaders.TYPE);
        }
        if (EventCatalog.byName(type).isEmpty()) {
            throw new PoisonEventException("unknown event type '" + type + "'");
        }
        Object payload = message.getPayload();
        if (payload == null || payload instanceof KafkaNull || payload instanceof byte[] bytes && bytes.length == 0) {
            throw new PoisonEventException("event of type " + type + " has no payload");
        }
        if (!(payload instanceof byte[] json)) {
            throw new PoisonEventException(
                    "unexpected payload " + payload.getClass().getName());
        }
        Registration<?> registration = handlers.get(type);
        if (registration == null) {
            log.debug("{} skips {} (not its concern)", consumerName, type);
            return;
        }
        List<String> violations;
        try {
            violations = validator.violations(type, new String(json, StandardCharsets.UTF_8));
        } catch (RuntimeException notJson) {
            throw new PoisonEventException("payload of " + type + " is not JSON: " + notJson.getMessage(), notJson);
        }
        if (!violations.isEmpty()) {
            throw new PoisonEventException(
                    "payload of " + type + " breaks its schema: " + String.join("; ", violations));
        }
        registration.dispatch(message, json, type, consumerName, idempotentConsumer);
    }

    /**
     * Reads a header. Spring Cloud Function hands CloudEvents attributes to functions under its
     * canonical {@code ce-} prefix, whatever prefix they travelled with, so both spellings are tried.
     */
    static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value == null && name.startsWith("ce_")) {
            value = message.getHeaders().get("ce-" + name.substring(3));
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private record Registration<E extends DomainEvent>(Class<E> eventClass, Consumer<IncomingEvent<E>> handler) {

        void dispatch(Message<byte[]> message, byte[] json, String type, String consumer, IdempotentConsumer once) {
            E event;
            try {
                event = EventJson.read(json, eventClass);
            } catch (JacksonException e) {
                throw new PoisonEventException("payload of " + type + " cannot be read: " + e.getOriginalMessage(), e);
            }
            if (event.eventId() == null) {
                throw new PoisonEventException("event of type " + type + " has no eventId");
            }
            String topic = header(message, KafkaHeaders.RECEIVED_TOPIC);
            IncomingEvent<E> incoming =
                    new IncomingEvent<>(event, type, header(message, CloudEventHeaders.SOURCE), topic, consumer);
            // With DEBUG on this logger, one line per event each consumer handles: the line carries the trace id
            // of the request that caused the event (the consumer continues the trace of the record's traceparent).
            log.debug("{} handles {} {} (key {})", consumer, type, event.eventId(), event.aggregateId());
            once.applyOnce(consumer, event.eventId(), () -> handler.accept(incoming));
        }
    }
}
