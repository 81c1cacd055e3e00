package se.municipality.eops.purge.purging.domain;

import java.util.Map;
import se.municipality.eops.starter.rules.BrokenRule;

/**
 * The retention rule a plan would rest on is no longer the one in force: nothing is planned or approved under it.
 * Its kinds, as a problem's {@code errors[].code} on the field {@code ruleId}: {@link #RULE_INACTIVE} and {@link
 * #RULE_CHANGED}.
 */
public class RuleNotInForce extends BrokenRule {

    /** The rule's current version is inactive ({@code params.version}). */
    public static final String RULE_INACTIVE = "rule-inactive";

    /**
     * The rule has a newer version than the plan was made under ({@code params.planVersion}, {@code
     * params.currentVersion}): its cases were chosen by a rule no longer in force.
     */
    public static final String RULE_CHANGED = "rule-changed";

    private RuleNotInForce(String message, String code, Map<String, Object> params) {
        super("ruleId", message, code, params);
    }

    public static RuleNotInForce inactive(String ruleId, int version) {
        return new RuleNotInForce(
                "rule " + ruleId + " is inactive (version " + version + "); nothing is purged under it",
                RULE_INACTIVE,
                Map.of("version", version));
    }

    public static RuleNotInForce changed(String ruleId, int planVersion, int currentVersion) {
        return new RuleNotInForce(
                "rule " + ruleId + " changed since the plan was made (version " + planVersion + ", now "
                        + currentVersion + "); make a new plan",
                RULE_CHANGED,
                Map.of("planVersion", planVersion, "currentVersion", currentVersion));
    }
}
