package se.municipality.eops.publication.checklist.domain;

/** A checklist the central team tried to publish breaks a rule; {@code field} names where. */
public class InvalidChecklistException extends RuntimeException {

    private final String field;

    public InvalidChecklistException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
