package se.municipality.eops.starter.messaging;

import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/** A decoded event with the envelope attributes a handler may want. */
public record IncomingEvent<E extends DomainEvent>(E event, String type, String source, String topic) {

    public UUID eventId() {
        return event.eventId();
    }
}
