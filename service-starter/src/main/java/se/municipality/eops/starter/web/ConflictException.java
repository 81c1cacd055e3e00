package se.municipality.eops.starter.web;

import java.util.Map;
import se.municipality.eops.starter.rules.BrokenRule;

/**
 * The request clashes with what is already there; answered with 409 naming the field, and with the clash's
 * {@code code} and {@code params} when the thrower gives them (see {@link FieldError}).
 */
public class ConflictException extends RuntimeException {

    private final String field;
    private final String code;
    private final Map<String, Object> params;

    public ConflictException(String field, String message) {
        this(field, message, null, Map.of());
    }

    public ConflictException(String field, String message, String code) {
        this(field, message, code, Map.of());
    }

    public ConflictException(String field, String message, String code, Map<String, Object> params) {
        super(message);
        this.field = field;
        this.code = code;
        this.params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** A domain rule the current state does not allow, as its domain named it. */
    public ConflictException(BrokenRule broken) {
        this(broken.field(), broken.getMessage(), broken.code(), broken.params());
    }

    public String field() {
        return field;
    }

    public FieldError asFieldError() {
        return new FieldError(field, getMessage(), code, params);
    }
}
