package se.municipality.eops.purge.purging.domain;

import java.util.Map;
import se.municipality.eops.starter.rules.BrokenRule;

/** A plan that is not waiting for approval (approved, expired, withdrawn, done) cannot be approved. */
public class PurgeNotApprovable extends BrokenRule {

    /** The kind of this refusal, as a problem's {@code errors[].code}; {@code status} says what the plan is. */
    public static final String NOT_AWAITING_APPROVAL = "not-awaiting-approval";

    public PurgeNotApprovable(String planId, PurgeStatus status) {
        super(
                "planId",
                "plan " + planId + " is " + status + ", not awaiting approval",
                NOT_AWAITING_APPROVAL,
                Map.of("status", status.name()));
    }
}
