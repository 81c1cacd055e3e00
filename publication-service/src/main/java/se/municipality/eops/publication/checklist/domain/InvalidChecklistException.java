package se.municipality.eops.publication.checklist.domain;

import java.util.Map;
import se.municipality.eops.starter.rules.BrokenRule;

/** A checklist the central team tried to publish breaks a rule; {@code field} names where, {@code code} the kind. */
public class InvalidChecklistException extends BrokenRule {

    public InvalidChecklistException(String field, String message, String code, Map<String, Object> params) {
        super(field, message, code, params);
    }
}
