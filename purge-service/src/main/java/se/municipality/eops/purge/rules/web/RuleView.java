package se.municipality.eops.purge.rules.web;

import java.time.Instant;
import se.municipality.eops.purge.rules.domain.ClockStart;
import se.municipality.eops.purge.rules.domain.RetentionRule;

/** A rule version as the API shows it: periods and dates in ISO-8601. */
record RuleView(
        String ruleId,
        int version,
        String eServiceId,
        String committee,
        String planRowReference,
        String decisionReference,
        String decisionDate,
        String retentionPeriod,
        ClockStart clockStart,
        String caseType,
        boolean active,
        String changedBy,
        Instant changedAt) {

    static RuleView of(RetentionRule rule) {
        return new RuleView(
                rule.ruleId(),
                rule.version(),
                rule.eServiceId(),
                rule.committee(),
                rule.planRowReference(),
                rule.decisionReference(),
                rule.decisionDate() == null ? null : rule.decisionDate().toString(),
                rule.retentionPeriod().toString(),
                rule.clockStart(),
                rule.caseType(),
                rule.active(),
                rule.changedBy(),
                rule.changedAt());
    }
}
