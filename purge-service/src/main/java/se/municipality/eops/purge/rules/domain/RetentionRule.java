package se.municipality.eops.purge.rules.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

    /** The longest retention period a rule may have: no plan keeps cases longer than any archive would. */
    public static final int MAX_RETENTION_YEARS = 200;

    private static final LocalDate BOUND_REFERENCE = LocalDate.of(2000, 1, 1);

    /**
     * Whether the period is at most {@value #MAX_RETENTION_YEARS} years: added to a date, it lands no later than that
     * many years after it ({@code P200Y}, {@code P2400M}, {@code P73049D} are within, {@code P200Y1D} is not).
     */
    public static boolean withinBound(Period period) {
        long maxMonths = MAX_RETENTION_YEARS * 12L;
        // Each part alone first: a part of billions would overflow the date arithmetic below.
        if (period.getYears() > MAX_RETENTION_YEARS
                || period.getMonths() > maxMonths
                || period.getDays() > MAX_RETENTION_YEARS * 366L) {
            return false;
        }
        return !BOUND_REFERENCE.plus(period).isAfter(BOUND_REFERENCE.plusYears(MAX_RETENTION_YEARS));
    }

    /** @throws RetentionPeriodOutOfRange if the period is longer than {@value #MAX_RETENTION_YEARS} years */
    public static void checkBound(Period period) {
        if (!withinBound(period)) {
            throw new RetentionPeriodOutOfRange(period);
        }
    }

    /**
     * The latest clock start a case may have to be due at {@code now}: a case is due once its clock start plus the
     * retention period is not after now, in UTC (a period of years or months ends on the same day of month and time
     * of day, or on the month's last day when that month is shorter). That is the latest {@code t} with {@code t +
     * period <= now}; {@code now - period} is not always it, because both clamp the day of month: under {@code P1Y}
     * a case of 2024-02-29T10:00Z is due from 2025-02-28T10:00Z, though 2025-02-28T12:00Z minus a year is
     * 2024-02-28T12:00Z.
     *
     * @throws RetentionPeriodOutOfRange for a period beyond {@value #MAX_RETENTION_YEARS} years (stored before
     *     rules were bounded): nothing is planned under it
     */
    public Instant dueCutoff(Instant now) {
        checkBound(retentionPeriod);
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        LocalDate today = at.toLocalDate();
        // Adding the period never moves a later date before an earlier one, so the clock starts that are due form
        // one stretch of time up to the answer. Its last day lies within a few days of today - period (month ends
        // clamp by at most three days, a period of months and days by a few more): start a week before it ...
        LocalDate lastDay = today.minus(retentionPeriod).minusDays(7);
        while (lastDay.plus(retentionPeriod).isAfter(today)) {
            lastDay = lastDay.minusDays(7);
        }
        // ... and go on to the last day whose end of period does not lie after today.
        while (!lastDay.plusDays(1).plus(retentionPeriod).isAfter(today)) {
            lastDay = lastDay.plusDays(1);
        }
        if (lastDay.plus(retentionPeriod).isEqual(today)) {
            // Its period ends today: due up to now's time of day.
            return lastDay.atTime(at.toLocalTime()).toInstant(ZoneOffset.UTC);
        }
        // Its period ended before today (no clock start's period ends today, month ends skip it): the whole day.
        return lastDay.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
    }

    /**
     * A purge decision is one the committee has taken: its date (when given) may not lie after {@code today}.
     *
     * @param today today where the service's people are
     * @throws DecisionDateInFuture otherwise
     */
    public static void checkDecisionDate(LocalDate decisionDate, LocalDate today) {
        if (decisionDate != null && decisionDate.isAfter(today)) {
            throw new DecisionDateInFuture(decisionDate, today);
        }
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
