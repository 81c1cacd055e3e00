package se.municipality.eops.starter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One entry of a problem's {@code errors} list: which field is wrong and why. {@code message} is for people
 * (English); {@code code} names the kind of error for programs (a portal shows its own text in the person's
 * language) and {@code params} the values that text needs ({@code max}, {@code allowed}, ...). Code and params are
 * optional and left out of the JSON when absent.
 */
public record FieldError(
        String field,
        String message,
        @JsonInclude(JsonInclude.Include.NON_NULL) String code,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> params) {

    public FieldError {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** An error without a code: only its message. */
    public FieldError(String field, String message) {
        this(field, message, null, Map.of());
    }

    /** An error of a kind that needs no values. */
    public FieldError(String field, String message, String code) {
        this(field, message, code, Map.of());
    }
}
