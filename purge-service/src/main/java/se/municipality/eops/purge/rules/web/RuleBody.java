package se.municipality.eops.purge.rules.web;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Map;
import se.municipality.eops.purge.rules.domain.ClockStart;
import se.municipality.eops.purge.rules.domain.RetentionPeriodOutOfRange;
import se.municipality.eops.purge.rules.domain.RetentionRule;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.web.InvalidInputException;

/**
 * A retention rule as the central team or an archivist writes it.
 *
 * @param version on a change: the version being changed
 * @param retentionPeriod ISO-8601 period, e.g. {@code P2Y}, {@code P6M}, {@code P30D}; at most 200 years
 * @param decisionDate ISO date of the purge decision
 */
record RuleBody(
        String ruleId,
        Integer version,
        String eServiceId,
        String committee,
        String planRowReference,
        String decisionReference,
        String decisionDate,
        String retentionPeriod,
        ClockStart clockStart,
        String caseType,
        Boolean active) {

    RetentionRule toDraft(String fixedEServiceId) {
        String eService = fixedEServiceId != null ? fixedEServiceId : required("eServiceId", eServiceId);
        Period period;
        try {
            period = Period.parse(required("retentionPeriod", retentionPeriod));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    "retentionPeriod",
                    "is no ISO-8601 period such as P2Y",
                    FieldErrorCodes.NOT_A_PERIOD,
                    Map.of("example", "P2Y"));
        }
        if (period.isNegative() || period.isZero()) {
            throw new InvalidInputException(
                    "retentionPeriod", "must be longer than nothing", FieldErrorCodes.NOT_POSITIVE);
        }
        try {
            RetentionRule.checkBound(period);
        } catch (RetentionPeriodOutOfRange tooLong) {
            throw new InvalidInputException(tooLong);
        }
        LocalDate date = null;
        if (decisionDate != null) {
            try {
                date = LocalDate.parse(decisionDate);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(
                        "decisionDate",
                        "is no ISO date such as 2024-05-21",
                        FieldErrorCodes.NOT_A_DATE,
                        Map.of("example", "2024-05-21"));
            }
        }
        if (clockStart == null) {
            throw new InvalidInputException(
                    "clockStart",
                    "is required (SUBMITTED or CLOSED)",
                    FieldErrorCodes.REQUIRED,
                    Map.of("allowed", "SUBMITTED, CLOSED"));
        }
        return new RetentionRule(
                ruleId == null ? "" : ruleId,
                1,
                eService,
                required("committee", committee),
                planRowReference,
                required("decisionReference", decisionReference),
                date,
                period,
                clockStart,
                caseType,
                active == null || active,
                "",
                java.time.Instant.EPOCH);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required", FieldErrorCodes.REQUIRED);
        }
        if (value.length() > 200) {
            throw new InvalidInputException(
                    field, "may be at most 200 characters", FieldErrorCodes.TOO_LONG, Map.of("max", 200));
        }
        return value;
    }
}
