package se.municipality.eops.starter.web;

/** The request clashes with what is already there; answered with 409 naming the field. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
