package se.municipality.eops.publication.delegation.domain;

import java.util.Map;
import se.municipality.eops.starter.rules.BrokenRule;

/** A delegation breaks a rule; {@code field} names the input, {@code code} the kind. */
public class InvalidDelegationException extends BrokenRule {

    /** Only someone else can decide for you. */
    public static final String NOT_YOURSELF = "not-yourself";

    public InvalidDelegationException(String field, String message, String code) {
        this(field, message, code, Map.of());
    }

    public InvalidDelegationException(String field, String message, String code, Map<String, Object> params) {
        super(field, message, code, params);
    }
}
