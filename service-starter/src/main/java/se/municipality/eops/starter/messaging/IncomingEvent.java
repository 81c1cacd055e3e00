package se.municipality.eops.starter.messaging;

import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A decoded event with the envelope attributes a handler may want.
 *
 * @param consumer the name of the consumer applying it, as given to {@code EventConsumers.named}
 */
public record IncomingEvent<E extends DomainEvent>(E event, String type, String source, String topic, String consumer) {

    public UUID eventId() {
        return event.eventId();
    }

    /**
     * What a handler records in the same write as its effect, so that the write cannot happen twice
     * for this event: {@code consumer:eventId}. {@link EventEffects} takes it from here.
     */
    public String appliedKey() {
        return appliedKey(consumer, eventId());
    }

    static String appliedKey(String consumer, UUID eventId) {
        return consumer + ":" + eventId;
    }
}
