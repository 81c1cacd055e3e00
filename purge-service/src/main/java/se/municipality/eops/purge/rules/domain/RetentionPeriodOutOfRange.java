package se.municipality.eops.purge.rules.domain;

import java.time.Period;
import java.util.Map;
import se.municipality.eops.starter.rules.BrokenRule;
import se.municipality.eops.starter.rules.FieldErrorCodes;

/** A retention period longer than {@value RetentionRule#MAX_RETENTION_YEARS} years. */
public class RetentionPeriodOutOfRange extends BrokenRule {

    public RetentionPeriodOutOfRange(Period period) {
        super(
                "retentionPeriod",
                period + " is longer than " + RetentionRule.MAX_RETENTION_YEARS + " years",
                FieldErrorCodes.OUT_OF_RANGE,
                Map.of("max", "P" + RetentionRule.MAX_RETENTION_YEARS + "Y"));
    }
}
