package se.municipality.eops.starter.rules;

import java.util.Map;

/**
 * A domain rule the input breaks: the field it concerns, the message for people (English), and the kind
 * ({@link FieldErrorCodes} or a service's own) with the values a text about it needs. A service's domain exceptions
 * extend it; its web layer answers with a problem naming the field, code and params as thrown.
 */
public class BrokenRule extends RuntimeException {

    private final String field;
    private final String code;
    private final Map<String, Object> params;

    public BrokenRule(String field, String message, String code, Map<String, Object> params) {
        super(message);
        this.field = field;
        this.code = code;
        this.params = params == null ? Map.of() : Map.copyOf(params);
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> params() {
        return params;
    }
}
