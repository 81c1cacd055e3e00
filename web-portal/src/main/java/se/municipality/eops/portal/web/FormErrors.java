package se.municipality.eops.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import se.municipality.eops.portal.services.ServiceProblem;

/**
 * The errors of one form, by the id of the input they belong to: the template shows each next to its input
 * ({@code id="<field>-error"}, the input's {@code aria-describedby}) and all of them in the error summary at the top
 * ({@code id="error-summary"}, linking to each input). An error is a message key of our bundles, or a service's own
 * words (the services write for people; they name fields as their API does); a service's error with a code is shown
 * in the person's language when the bundles know the code ({@link ErrorTexts}).
 */
public class FormErrors {

    /**
     * One error: the input's id, and either a message key or a text as the service wrote it; {@code code} and
     * {@code params} when the service named the kind of error.
     */
    public record Error(String field, String messageKey, String text, String code, Map<String, String> params) {

        public Error {
            params = params == null ? Map.of() : Map.copyOf(params);
        }

        public Error(String field, String messageKey, String text) {
            this(field, messageKey, text, null, Map.of());
        }
    }

    private final Map<String, Error> byField = new LinkedHashMap<>();
    private final List<Error> general = new ArrayList<>();

    /** An error of our own, a key of the bundles. */
    public void reject(String field, String messageKey) {
        byField.putIfAbsent(field, new Error(field, messageKey, null));
    }

    /** An error as a service wrote it. */
    public void rejectWithText(String field, String text) {
        byField.putIfAbsent(field, new Error(field, null, text));
    }

    /** A service's field error under {@code input}: in our words when its code is known, else in the service's. */
    public void reject(String input, ServiceProblem.FieldProblem problem) {
        byField.putIfAbsent(input, new Error(input, null, problem.message(), problem.code(), problem.params()));
    }

    /** A refusal that names no field of this form (e.g. a conflict), shown in the summary only. */
    public void general(String messageKey, String text) {
        general.add(new Error(null, messageKey, text));
    }

    /**
     * A service's field error for which the form has no input, shown in the summary only: in our words when its code
     * is known, else as {@code text} (e.g. the field and the service's message).
     */
    public void general(String messageKey, ServiceProblem.FieldProblem problem, String text) {
        general.add(new Error(null, messageKey, text, problem.code(), problem.params()));
    }

    /** A service's field error for which the form has no input, shown in the summary only. */
    public void general(ServiceProblem.FieldProblem problem) {
        general.add(new Error(null, null, problem.message(), problem.code(), problem.params()));
    }

    /**
     * Every field error of a service's problem details, each under the input {@code inputOf} names for the API's
     * field; a problem without field errors becomes a general error with the service's detail.
     */
    public void addAll(ServiceProblem problem, UnaryOperator<String> inputOf) {
        if (problem.fieldErrors().isEmpty()) {
            general("error.problem.generic", problem.detail());
            return;
        }
        problem.fieldErrors().forEach(error -> reject(inputOf.apply(error.field()), error));
    }

    /** Whether one of the errors is our message {@code messageKey} (e.g. the service did not answer). */
    public boolean anyWithKey(String messageKey) {
        return all().stream().anyMatch(error -> messageKey.equals(error.messageKey()));
    }

    public boolean any() {
        return !byField.isEmpty() || !general.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public Error of(String field) {
        return byField.get(field);
    }

    /** Every error in the order they were found: general ones first, then by field. */
    public List<Error> all() {
        List<Error> all = new ArrayList<>(general);
        all.addAll(byField.values());
        return all;
    }
}
