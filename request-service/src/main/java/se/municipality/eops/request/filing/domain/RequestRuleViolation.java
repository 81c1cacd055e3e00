package se.municipality.eops.request.filing.domain;

/** What the requester asked for breaks a rule; {@code field} is the JSON path of the culprit. */
public class RequestRuleViolation extends RuntimeException {

    private final String field;

    public RequestRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
