package se.municipality.eops.purge.purging.domain;

/**
 * The retention rule version a plan was computed with, copied into the plan so that the log shows exactly what was
 * applied even after the rule changes.
 *
 * @param retentionPeriod ISO-8601
 * @param clockStart SUBMITTED or CLOSED
 */
public record RuleApplied(
        String ruleId,
        int version,
        String committee,
        String planRowReference,
        String decisionReference,
        String decisionDate,
        String retentionPeriod,
        String clockStart,
        String caseType) {}
