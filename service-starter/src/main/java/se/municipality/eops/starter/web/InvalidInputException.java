package se.municipality.eops.starter.web;

/** Input that passed the JSON shape checks but breaks a rule; answered with 400 naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
