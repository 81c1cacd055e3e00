package se.municipality.eops.publication.delegation.domain;

/** A delegation breaks a rule; {@code field} names the input. */
public class InvalidDelegationException extends RuntimeException {

    private final String field;

    public InvalidDelegationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
