package se.municipality.eops.request.filing.domain;

import java.util.Map;

/**
 * One broken rule of a request: the JSON path of the field, what is wrong with it in English, the kind of rule as a
 * code (one of {@link ViolationCodes}) and the values a text about it needs ({@code max}, {@code type}, ...).
 */
public record FieldViolation(String field, String message, String code, Map<String, Object> params) {

    public FieldViolation {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public FieldViolation(String field, String message, String code) {
        this(field, message, code, Map.of());
    }
}
