package se.municipality.eops.starter.outbox;

import java.util.List;
import java.util.stream.Collectors;
import se.municipality.eops.contract.schema.EventSchemaValidator.Violation;

/**
 * A service was about to store an event that breaks its JSON Schema. Nothing is stored; the web
 * layer answers 400 naming the fields, since the values almost always come from the caller's input.
 */
public class EventBreaksSchemaException extends RuntimeException {

    private final String eventType;
    private final List<Violation> violations;

    public EventBreaksSchemaException(String eventType, List<Violation> violations) {
        super(eventType + " would break its schema: "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.eventType = eventType;
        this.violations = List.copyOf(violations);
    }

    public String eventType() {
        return eventType;
    }

    public List<Violation> violations() {
        return violations;
    }
}
