package se.municipality.eops.portal.services;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service refused what the person asked (RFC 9457 problem details): {@code fieldErrors} name the fields as the
 * API does ({@code publication.eServiceName}), so a form shows each next to its input; {@code step} is the
 * request-service's step of a draft, when it named one.
 */
public class ServiceProblem extends RuntimeException {

    /**
     * One field the service named, with its message (English) and, when the service gives them, the kind of error
     * as a code and the values a text about it needs (e.g. {@code too-long} with {@code max}).
     */
    public record FieldProblem(String field, String message, String code, Map<String, String> params) {

        public FieldProblem {
            params = params == null ? Map.of() : Map.copyOf(params);
        }

        public FieldProblem(String field, String message) {
            this(field, message, null, Map.of());
        }
    }

    private final String service;
    private final int status;
    private final String title;
    private final String detail;
    private final String step;
    private final List<FieldProblem> fieldErrors;

    public ServiceProblem(
            String service, int status, String title, String detail, String step, List<FieldProblem> fieldErrors) {
        super(service + " answered " + status + ": " + (detail != null ? detail : title));
        this.service = service;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.step = step;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The service's explanation, as it wrote it (the services write for people). */
    public String detail() {
        return detail;
    }

    public Optional<String> step() {
        return Optional.ofNullable(step);
    }

    public List<FieldProblem> fieldErrors() {
        return fieldErrors;
    }

    /** The message of {@code field}, if the service named it. */
    public Optional<String> messageOf(String field) {
        return fieldErrors.stream()
                .filter(error -> error.field().equals(field))
                .map(FieldProblem::message)
                .findFirst();
    }
}
