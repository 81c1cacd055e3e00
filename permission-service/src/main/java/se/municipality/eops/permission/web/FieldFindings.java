package se.municipality.eops.permission.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.municipality.eops.starter.rules.BrokenRule;
import se.municipality.eops.starter.web.FieldError;
import se.municipality.eops.starter.web.InvalidInputException;

/**
 * The field errors found in one request body, in the order the body's fields were checked: a check adds what it
 * finds instead of throwing, and {@link #throwIfAny()} refuses the body with all of them in one 400
 * ({@link InvalidFieldsException}, answered by {@link InvalidFieldsResponses} in the starter's problem shape).
 */
public final class FieldFindings {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message, String code) {
        add(field, message, code, Map.of());
    }

    public void add(String field, String message, String code, Map<String, Object> params) {
        errors.add(new FieldError(field, message, code, params));
    }

    public void add(BrokenRule broken) {
        errors.add(new InvalidInputException(broken).asFieldError());
    }

    /** Runs a check written to throw {@link InvalidInputException} (one field at a time), keeping its finding. */
    public void check(Runnable check) {
        try {
            check.run();
        } catch (InvalidInputException refused) {
            errors.add(refused.asFieldError());
        }
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** @throws InvalidFieldsException with every finding, if there is any */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }

    /** A body that breaks one rule or more; 400 with every broken rule in {@code errors[]}. */
    public static class InvalidFieldsException extends RuntimeException {

        private final List<FieldError> errors;

        InvalidFieldsException(List<FieldError> errors) {
            super(errors.size() + " field(s) invalid");
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }
}
