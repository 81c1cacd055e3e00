package se.municipality.eops.purge.purging.domain;

import java.util.Map;
import se.municipality.eops.starter.rules.BrokenRule;

/** The creator of a purge plan tried to approve it: a second person must. */
public class FourEyesViolation extends BrokenRule {

    /** The kind of this refusal, as a problem's {@code errors[].code}. */
    public static final String OWN_PLAN = "own-plan";

    public FourEyesViolation(String planId) {
        super(
                "planId",
                "plan " + planId + " must be approved by an archivist other than its creator",
                OWN_PLAN,
                Map.of());
    }
}
