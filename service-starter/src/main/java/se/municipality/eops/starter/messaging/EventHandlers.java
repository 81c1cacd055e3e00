package se.municipality.eops.starter.messaging;

import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
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
 *
 * <p>{@link #build()} takes one record at a time; {@link #buildBatch()} takes the records of one poll
 * (the binding's {@code consumer.batch-mode: true}) with one look-up and one write of the applied events
 * for the whole batch ({@link EventBatch}).
 */
public final class EventHandlers {

    private static final Logger log = LoggerFactory.getLogger(EventHandlers.class);

    private final String consumerName;
    private final IdempotentConsumer idempotentConsumer;
    private final EventSchemaValidator validator;
    private final DeadLetters deadLetters;
    private final BatchRetry retry;
    private final ObservationRegistry observations;
    private final Map<String, Registration<?>> handlers = new LinkedHashMap<>();

    EventHandlers(
            String consumerName,
            IdempotentConsumer idempotentConsumer,
            EventSchemaValidator validator,
            DeadLetters deadLetters,
            BatchRetry retry,
            ObservationRegistry observations) {
        this.consumerName = consumerName;
        this.idempotentConsumer = idempotentConsumer;
        this.validator = validator;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.observations = observations;
    }

    public <E extends DomainEvent> EventHandlers on(Class<E> eventType, Consumer<IncomingEvent<E>> handler) {
        EventType type = EventCatalog.of(eventType);
        handlers.put(type.name(), new Registration<>(eventType, handler));
        return this;
    }

    /** A consumer of one record at a time (the binder's default mode). */
    public Consumer<Message<byte[]>> build() {
        return this::handle;
    }

    /**
     * A consumer of the records of one poll, for a binding with {@code consumer.batch-mode: true}: one
     * query for the events of the batch applied before, the handlers of the others in the records' order,
     * one write recording them. A poison record, or one whose handler still fails after the retries, goes
     * to the dead-letter topic with its reason by itself; the rest of the batch is applied.
     */
    public Consumer<Message<List<byte[]>>> buildBatch() {
        if (deadLetters == null) {
            throw new IllegalStateException("batch consumers need the starter's DeadLetters");
        }
        return new EventBatch(consumerName, this, idempotentConsumer, deadLetters, retry, observations);
    }

    private void handle(Message<byte[]> message) {
        Ready<?> ready = decode(name -> header(message, name), message.getPayload());
        if (ready != null) {
            idempotentConsumer.applyOnce(consumerName, ready.incoming().eventId(), ready::run);
        }
    }

    /**
     * Checks and decodes one record.
     *
     * @param header the record's header by name (CloudEvents names with {@code ce_})
     * @return the event with its handler, or null when this consumer does not handle its type
     * @throws PoisonEventException when the record can never be applied
     */
    Ready<?> decode(UnaryOperator<String> header, Object payload) {
        String type = header.apply(CloudEventHeaders.TYPE);
        if (type == null) {
            throw new PoisonEventException("missing header " + CloudEventHeaders.TYPE);
        }
        if (EventCatalog.byName(type).isEmpty()) {
            throw new PoisonEventException("unknown event type '" + type + "'");
        }
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
            return null;
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
        return registration.decode(json, type, header, consumerName);
    }

    /**
     * Reads a header. Spring Cloud Function hands CloudEvents attributes to functions under its
     * canonical {@code ce-} prefix, whatever prefix they travelled with, so both spellings are tried.
     */
    static String header(Message<?> message, String name) {
        return header(message.getHeaders(), name);
    }

    static String header(Map<String, ?> headers, String name) {
        Object value = headers.get(name);
        if (value == null && name.startsWith("ce_")) {
            value = headers.get("ce-" + name.substring(3));
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    /** A decoded event and the handler that applies it. */
    record Ready<E extends DomainEvent>(IncomingEvent<E> incoming, Consumer<IncomingEvent<E>> handler) {

        void run() {
            // With DEBUG on this logger, one line per event each consumer handles: the line carries the trace id
            // of the request that caused the event (the consumer continues the trace of the record's traceparent).
            log.debug(
                    "{} handles {} {} (key {})",
                    incoming.consumer(),
                    incoming.type(),
                    incoming.eventId(),
                    incoming.event().aggregateId());
            handler.accept(incoming);
        }
    }

    private record Registration<E extends DomainEvent>(Class<E> eventClass, Consumer<IncomingEvent<E>> handler) {

        Ready<E> decode(byte[] json, String type, UnaryOperator<String> header, String consumer) {
            E event;
            try {
                event = EventJson.read(json, eventClass);
            } catch (JacksonException e) {
                throw new PoisonEventException("payload of " + type + " cannot be read: " + e.getOriginalMessage(), e);
            }
            if (event.eventId() == null) {
                throw new PoisonEventException("event of type " + type + " has no eventId");
            }
            String topic = header.apply(KafkaHeaders.RECEIVED_TOPIC);
            return new Ready<>(
                    new IncomingEvent<>(event, type, header.apply(CloudEventHeaders.SOURCE), topic, consumer), handler);
        }
    }
}
