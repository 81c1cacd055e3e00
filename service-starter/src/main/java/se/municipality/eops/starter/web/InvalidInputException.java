package se.municipality.eops.starter.web;

import java.util.Map;
import se.municipality.eops.starter.rules.BrokenRule;

/**
 * Input that passed the JSON shape checks but breaks a rule; answered with 400 naming the field, and with the
 * rule's {@code code} and {@code params} when the thrower gives them (see {@link FieldError}).
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String code;
    private final Map<String, Object> params;

    public InvalidInputException(String field, String message) {
        this(field, message, null, Map.of());
    }

    /** A broken rule of a kind that needs no values. */
    public InvalidInputException(String field, String message, String code) {
        this(field, message, code, Map.of());
    }

    public InvalidInputException(String field, String message, String code, Map<String, Object> params) {
        super(message);
        this.field = field;
        this.code = code;
        this.params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** A domain rule the input breaks, as its domain named it. */
    public InvalidInputException(BrokenRule broken) {
        this(broken.field(), broken.getMessage(), broken.code(), broken.params());
    }

    public String field() {
        return field;
    }

    public FieldError asFieldError() {
        return new FieldError(field, getMessage(), code, params);
    }
}
