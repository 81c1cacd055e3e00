package se.municipality.eops.purge.rules.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One row of a committee's document management plan as it applies to one e-service, in one version.
 *
 * @param planRowReference the row of the document management plan (e.g. "3.2.1")
 * @param decisionReference the purge decision's reference (e.g. "SBN 2024/118")
 * @param decisionDate when the committee decided
 * @param retentionPeriod how long a case is kept after its clock starts (ISO-8601 period, e.g. P2Y)
 * @param caseType the category of cases covered; null: every case of the e-service
 * @param active whether plans are made under this version (an inactive rule plans nothing)
 * @param changedBy who made this version
 */
public record RetentionRule(
        String ruleId,
        int version,
        String eServiceId,
        String committee,
        String planRowReference,
        String decisionReference,
        LocalDate decisionDate,
        Period retentionPeriod,
        ClockStart clockStart,
        String caseType,
        boolean active,
        String changedBy,
        Instant changedAt) {

    public RetentionRule {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(eServiceId, "eServiceId");
        Objects.requireNonNull(decisionReference, "decisionReference");
        Objects.requireNonNull(retentionPeriod, "retentionPeriod");
        Objects.requireNonNull(clockStart, "clockStart");
        if (retentionPeriod.isNegative() || retentionPeriod.isZero()) {
            throw new IllegalArgumentException("retentionPeriod must be longer than nothing");
        }
    }

    /**
     * The latest clock start a case may have to be due at {@code now}: a case is due once its clock start plus the
     * retention period is not after now. Computed in UTC, so a period of years or months ends on the same date and
     * time of day.
     */
    public Instant dueCutoff(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minus(retentionPeriod).toInstant();
    }

    /** The next version, changed as given, by {@code who} at {@code when}. */
    public RetentionRule nextVersion(RetentionRule changed, String who, Instant when) {
        return new RetentionRule(
                ruleId,
                version + 1,
                eServiceId,
                changed.committee(),
                changed.planRowReference(),
                changed.decisionReference(),
                changed.decisionDate(),
                changed.retentionPeriod(),
                changed.clockStart(),
                changed.caseType(),
                changed.active(),
                who,
                when);
    }
}
