package se.municipality.eops.purge.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a case is due: its clock start plus the retention period is not after now (UTC); and how long a period may be. */
class RetentionRuleTest {

    @Test
    void aCaseSubmittedOnALeapDayIsDueUnderOneYearOnTheLastDayOfFebruaryAtItsTimeOfDay() {
        RetentionRule rule = rule("P1Y");
        Instant submitted = Instant.parse("2024-02-29T10:00:00Z");

        assertThat(isDue(rule, submitted, Instant.parse("2025-02-28T12:00:00Z")))
                .isTrue();
        assertThat(isDue(rule, submitted, Instant.parse("2025-02-28T10:00:00Z")))
                .isTrue();
        assertThat(isDue(rule, submitted, Instant.parse("2025-02-28T09:59:59Z")))
                .isFalse();
        assertThat(rule.dueCutoff(Instant.parse("2025-02-28T12:00:00Z")))
                .isEqualTo(Instant.parse("2024-02-29T12:00:00Z"));
    }

    @Test
    void aCaseClosedOnTheLastDayOfAMonthIsDueUnderOneMonthOnTheLastDayOfTheNextShorterOne() {
        RetentionRule rule = rule("P1M");
        Instant closed = Instant.parse("2025-01-31T10:00:00Z");

        assertThat(isDue(rule, closed, Instant.parse("2025-02-28T10:00:00Z"))).isTrue();
        assertThat(isDue(rule, closed, Instant.parse("2025-02-28T09:59:59Z"))).isFalse();
        // Also the 29th and 30th of January end on 28 February: the whole of 31 January is due by 1 March.
        assertThat(rule.dueCutoff(Instant.parse("2025-02-28T12:00:00Z")))
                .isEqualTo(Instant.parse("2025-01-31T12:00:00Z"));
    }

    @Test
    void onDaysNoPeriodEndsOnTheWholeDayBeforeIsDue() {
        // No date plus one month is 29-31 March 2025 (28 February + P1M is 28 March, 1 March + P1M is 1 April): on
        // those days every case of 28 February is due, whatever its time of day.
        RetentionRule rule = rule("P1M");

        Instant cutoff = rule.dueCutoff(Instant.parse("2025-03-30T10:00:00Z"));

        assertThat(cutoff).isEqualTo(Instant.parse("2025-03-01T00:00:00Z").minusNanos(1));
        assertThat(isDue(rule, Instant.parse("2025-02-28T23:59:59.999Z"), Instant.parse("2025-03-30T10:00:00Z")))
                .isTrue();
        assertThat(isDue(rule, Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-30T10:00:00Z")))
                .isFalse();
    }

    @Test
    void aPeriodOfDaysIsExactlyThatManyDaysBeforeNow() {
        Instant now = Instant.parse("2025-03-01T08:30:15Z");

        assertThat(rule("P365D").dueCutoff(now)).isEqualTo(now.minus(Duration.ofDays(365)));
        assertThat(rule("P30D").dueCutoff(Instant.parse("2024-03-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2024-01-31T00:00:00Z"));
    }

    @Test
    void aCaseIsDueFromTheSecondItsPeriodEndsAwayFromMonthEnds() {
        Instant now = Instant.parse("2026-12-08T09:15:30Z");
        Instant yearAgo = Instant.parse("2025-12-08T09:15:30Z");

        assertThat(isDue(rule("P1Y"), yearAgo.minusSeconds(1), now)).isTrue();
        assertThat(isDue(rule("P1Y"), yearAgo, now)).isTrue();
        assertThat(isDue(rule("P1Y"), yearAgo.plusSeconds(1), now)).isFalse();
        assertThat(rule("P6M").dueCutoff(now)).isEqualTo(Instant.parse("2026-06-08T09:15:30Z"));
    }

    /** For every day of four years and several periods: the cutoff is the latest clock start whose period is over. */
    @Test
    void theCutoffIsTheLatestClockStartWhosePeriodEndsByNow() {
        List<String> periods = List.of("P1Y", "P1M", "P6M", "P2Y3M", "P1M2D", "P1Y1M30D", "P365D", "P30D");
        for (String text : periods) {
            RetentionRule rule = rule(text);
            Period period = Period.parse(text);
            for (LocalDate day = LocalDate.of(2023, 1, 1);
                    day.isBefore(LocalDate.of(2027, 1, 1));
                    day = day.plusDays(1)) {
                Instant now = day.atTime(13, 45, 10).toInstant(ZoneOffset.UTC);
                Instant cutoff = rule.dueCutoff(now);
                assertThat(endOfPeriod(cutoff, period)).as(text + " at " + now).isBeforeOrEqualTo(now);
                assertThat(endOfPeriod(cutoff.plusNanos(1), period))
                        .as(text + " at " + now)
                        .isAfter(now);
            }
        }
    }

    @Test
    void aPeriodMayBeAtMostTwoHundredYears() {
        assertThat(RetentionRule.withinBound(Period.parse("P200Y"))).isTrue();
        assertThat(RetentionRule.withinBound(Period.parse("P2400M"))).isTrue();
        assertThat(RetentionRule.withinBound(Period.parse("P73049D"))).isTrue();
        assertThat(RetentionRule.withinBound(Period.parse("P199Y11M30D"))).isTrue();
        assertThat(RetentionRule.withinBound(Period.parse("P200Y1D"))).isFalse();
        assertThat(RetentionRule.withinBound(Period.parse("P73050D"))).isFalse();
        assertThat(RetentionRule.withinBound(Period.parse("P300000000Y"))).isFalse();
        assertThat(RetentionRule.withinBound(Period.parse("P2147483647Y"))).isFalse();
        assertThat(RetentionRule.withinBound(Period.parse("P2147483647M"))).isFalse();
        assertThat(RetentionRule.withinBound(Period.parse("P2147483647D"))).isFalse();
    }

    @Test
    void aRuleStoredWithAPeriodBeyondTheBoundPlansNothingInsteadOfOverflowing() {
        for (String absurd : List.of("P300000000Y", "P2147483647Y", "P2147483647Y2147483647M2147483647D")) {
            RetentionRule rule = rule(absurd);

            assertThatThrownBy(() -> rule.dueCutoff(Instant.parse("2026-12-08T00:00:00Z")))
                    .isInstanceOfSatisfying(RetentionPeriodOutOfRange.class, refused -> {
                        assertThat(refused.field()).isEqualTo("retentionPeriod");
                        assertThat(refused.code()).isEqualTo("out-of-range");
                        assertThat(refused.params()).containsEntry("max", "P200Y");
                    });
        }
    }

    private static boolean isDue(RetentionRule rule, Instant clockStart, Instant now) {
        return !clockStart.isAfter(rule.dueCutoff(now));
    }

    private static Instant endOfPeriod(Instant clockStart, Period period) {
        return clockStart.atOffset(ZoneOffset.UTC).plus(period).toInstant();
    }

    private static RetentionRule rule(String period) {
        return new RetentionRule(
                "rule-1",
                1,
                "es-1",
                "Barn- och utbildningsnämnden",
                "3.2.1",
                "BUN 2024/1",
                LocalDate.of(2024, 5, 21),
                Period.parse(period),
                ClockStart.SUBMITTED,
                null,
                true,
                "cecilia",
                Instant.parse("2024-05-21T08:00:00Z"));
    }

    @Test
    void aPurgeDecisionMayBeDatedTodayButNotAfterIt() {
        LocalDate today = LocalDate.of(2026, 12, 8);

        RetentionRule.checkDecisionDate(today, today);
        RetentionRule.checkDecisionDate(null, today);
        assertThatThrownBy(() -> RetentionRule.checkDecisionDate(LocalDate.of(2099, 1, 1), today))
                .isInstanceOfSatisfying(DecisionDateInFuture.class, refused -> {
                    assertThat(refused.field()).isEqualTo("decisionDate");
                    assertThat(refused.code()).isEqualTo("in-future");
                    assertThat(refused.params()).containsEntry("today", "2026-12-08");
                });
    }
}
