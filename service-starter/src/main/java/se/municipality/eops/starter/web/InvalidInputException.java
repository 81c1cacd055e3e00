package se.municipality.eops.starter.web;

import java.util.Map;

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

    public InvalidInputException(String field, String message, String code, Map<String, Object> params) {
        super(message);
        this.field = field;
        this.code = code;
        this.params = params == null ? Map.of() : Map.copyOf(params);
    }

    public String field() {
        return field;
    }

    public FieldError asFieldError() {
        return new FieldError(field, getMessage(), code, params);
    }
}
