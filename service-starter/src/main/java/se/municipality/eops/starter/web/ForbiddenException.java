package se.municipality.eops.starter.web;

import se.municipality.eops.starter.rules.BrokenRule;

/**
 * A domain rule says this caller may not do this, although their role may (the creator of a purge plan approving it,
 * for instance): answered with 403 naming the field, the rule's {@code code} and {@code params}, so a client can say
 * why in its own words. A missing role stays Spring Security's plain 403.
 */
public class ForbiddenException extends RuntimeException {

    private final FieldError error;

    public ForbiddenException(BrokenRule broken) {
        super(broken.getMessage(), broken);
        this.error = new FieldError(broken.field(), broken.getMessage(), broken.code(), broken.params());
    }

    public FieldError asFieldError() {
        return error;
    }
}
