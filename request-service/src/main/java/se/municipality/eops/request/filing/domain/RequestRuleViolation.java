package se.municipality.eops.request.filing.domain;

/** What the requester asked for breaks a rule; {@code field} is the JSON path of the culprit. */
public class RequestRuleViolation extends RuntimeException {

    private final FieldViolation violation;

    public RequestRuleViolation(FieldViolation violation) {
        super(violation.message());
        this.violation = violation;
    }

    public String field() {
        return violation.field();
    }

    public FieldViolation violation() {
        return violation;
    }
}
