package se.municipality.eops.purge.purging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.purge.PurgeReason;

/** The withdrawal of the request behind a purge: it stops a plan awaiting approval, and nothing else. */
class PurgeWithdrawalTest {

    private static final Instant MADE = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(14);
    private static final String REQUEST = "REQ-1";

    @Test
    void aPlanAwaitingApprovalIsWithdrawnWithWhenAndByWhomAndRaisesNoEvent() {
        Purge plan = planOfRequest();
        Instant withdrawnAt = MADE.plus(Duration.ofHours(2));

        Purge.Withdrawal outcome = plan.withdraw(REQUEST, "anna", withdrawnAt);

        assertThat(outcome).isEqualTo(Purge.Withdrawal.WITHDRAWN);
        assertThat(plan.status()).isEqualTo(PurgeStatus.WITHDRAWN);
        assertThat(plan.withdrawnBy()).isEqualTo("anna");
        assertThat(plan.withdrawnAt()).isEqualTo(withdrawnAt);
        assertThat(plan.withdrawnBecause()).isEqualTo(Purge.WithdrawalCause.REQUEST_WITHDRAWN);
        assertThat(plan.finishedAt()).isEqualTo(withdrawnAt);
        assertThat(plan.approvedBy()).isNull();
        assertThat(plan.purgedCount()).isZero();
        assertThat(plan.newEvents()).isEmpty();
    }

    @Test
    void aWithdrawnPlanIsRefusedApprovalAsNotAwaitingItNamingItsStatus() {
        Purge plan = planOfRequest();
        plan.withdraw(REQUEST, "anna", MADE.plusSeconds(60));

        assertThatThrownBy(() -> plan.approve("astrid", MADE.plusSeconds(120)))
                .isInstanceOfSatisfying(PurgeNotApprovable.class, refused -> {
                    assertThat(refused.field()).isEqualTo("planId");
                    assertThat(refused.code()).isEqualTo(PurgeNotApprovable.NOT_AWAITING_APPROVAL);
                    assertThat(refused.params()).containsEntry("status", "WITHDRAWN");
                });
        // Also its creator: the plan is not awaiting approval, whoever asks.
        assertThatThrownBy(() -> plan.approve("arvid", MADE.plusSeconds(120))).isInstanceOf(PurgeNotApprovable.class);
        assertThat(plan.status()).isEqualTo(PurgeStatus.WITHDRAWN);
        assertThat(plan.newEvents()).isEmpty();
    }

    @Test
    void aWithdrawnPlanNeitherExpiresNorExecutes() {
        Purge plan = planOfRequest();
        plan.withdraw(REQUEST, "anna", MADE.plusSeconds(60));
        Instant afterWindow = MADE.plus(WINDOW).plusSeconds(1);

        assertThat(plan.isExpiredAt(afterWindow)).isFalse();
        assertThatThrownBy(() -> plan.expire(afterWindow)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> plan.recordBatches(
                        List.of(new Purge.BatchCases(List.of("c-1"), 0)), afterWindow, List.of(), Duration.ofDays(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(plan.status()).isEqualTo(PurgeStatus.WITHDRAWN);
        assertThat(plan.newEvents()).isEmpty();
    }

    @Test
    void aTeamRejectionWithdrawsThePlanNamingTheTeamMemberAndTheCauseAndAWithdrawalAfterItChangesNothing() {
        Purge plan = planOfRequest();
        Instant rejectedAt = MADE.plusSeconds(60);

        Purge.Withdrawal outcome =
                plan.withdraw(REQUEST, "cecilia", Purge.WithdrawalCause.REJECTED_BY_TEAM, rejectedAt);
        Purge.Withdrawal afterwards = plan.withdraw(REQUEST, "anna", rejectedAt.plusSeconds(60));

        assertThat(outcome).isEqualTo(Purge.Withdrawal.WITHDRAWN);
        assertThat(afterwards).isEqualTo(Purge.Withdrawal.ALREADY_WITHDRAWN);
        assertThat(plan.status()).isEqualTo(PurgeStatus.WITHDRAWN);
        assertThat(plan.withdrawnBy()).isEqualTo("cecilia");
        assertThat(plan.withdrawnBecause()).isEqualTo(Purge.WithdrawalCause.REJECTED_BY_TEAM);
        assertThat(plan.withdrawnAt()).isEqualTo(rejectedAt);
        assertThat(plan.newEvents()).isEmpty();
    }

    @Test
    void withdrawingAgainChangesNothing() {
        Purge plan = planOfRequest();
        Instant first = MADE.plusSeconds(60);
        plan.withdraw(REQUEST, "anna", first);

        Purge.Withdrawal again = plan.withdraw(REQUEST, "anna", first.plusSeconds(3600));

        assertThat(again).isEqualTo(Purge.Withdrawal.ALREADY_WITHDRAWN);
        assertThat(plan.withdrawnAt()).isEqualTo(first);
        assertThat(plan.finishedAt()).isEqualTo(first);
        assertThat(plan.withdrawnBy()).isEqualTo("anna");
    }

    @Test
    void anApprovedPlanIsTooLateToWithdrawAndGoesOn() {
        Purge plan = planOfRequest();
        plan.approve("astrid", MADE.plusSeconds(60));
        plan.saved(2);

        Purge.Withdrawal outcome = plan.withdraw(REQUEST, "anna", MADE.plusSeconds(120));

        assertThat(outcome).isEqualTo(Purge.Withdrawal.TOO_LATE);
        assertThat(plan.status()).isEqualTo(PurgeStatus.EXECUTING);
        assertThat(plan.withdrawnBy()).isNull();
        assertThat(plan.withdrawnAt()).isNull();
        assertThat(plan.newEvents()).isEmpty();
    }

    @Test
    void aCompletedPlanIsTooLateToWithdraw() {
        Purge plan = planOfRequest();
        plan.approve("astrid", MADE.plusSeconds(60));
        plan.recordBatches(
                List.of(new Purge.BatchCases(List.of("c-1"), 0)), MADE.plusSeconds(61), List.of(), Duration.ofDays(1));
        plan.complete(0, MADE.plusSeconds(62));
        plan.saved(3);

        assertThat(plan.withdraw(REQUEST, "anna", MADE.plusSeconds(120))).isEqualTo(Purge.Withdrawal.TOO_LATE);
        assertThat(plan.status()).isEqualTo(PurgeStatus.COMPLETED);
        assertThat(plan.finishedAt()).isEqualTo(MADE.plusSeconds(62));
    }

    @Test
    void anExpiredPlanIsTooLateToWithdrawAlsoBeforeTheExpiryJobRan() {
        Purge notYetExpiredByTheJob = planOfRequest();
        Purge expired = planOfRequest();
        Instant afterWindow = MADE.plus(WINDOW);
        expired.expire(afterWindow);
        expired.saved(2);

        assertThat(notYetExpiredByTheJob.withdraw(REQUEST, "anna", afterWindow)).isEqualTo(Purge.Withdrawal.TOO_LATE);
        assertThat(notYetExpiredByTheJob.status()).isEqualTo(PurgeStatus.AWAITING_APPROVAL);
        assertThat(notYetExpiredByTheJob.isExpiredAt(afterWindow)).isTrue();
        assertThat(expired.withdraw(REQUEST, "anna", afterWindow.plusSeconds(1)))
                .isEqualTo(Purge.Withdrawal.TOO_LATE);
        assertThat(expired.status()).isEqualTo(PurgeStatus.EXPIRED);
    }

    @Test
    void aTestCasePurgeOrAFailedOneIsTooLateToWithdraw() {
        Purge testCases = Purge.testCases(
                "purge-" + REQUEST,
                "es-1",
                REQUEST,
                null,
                "anna",
                new Preview(null, 2, MADE, MADE, List.of(), null),
                1,
                MADE);
        Purge failed = Purge.failed(
                "purge-" + REQUEST,
                PurgeReason.RETENTION,
                "es-1",
                REQUEST,
                null,
                "anna",
                "es-1 has no active retention rule",
                MADE);

        assertThat(testCases.withdraw(REQUEST, "anna", MADE.plusSeconds(1))).isEqualTo(Purge.Withdrawal.TOO_LATE);
        assertThat(testCases.status()).isEqualTo(PurgeStatus.EXECUTING);
        assertThat(failed.withdraw(REQUEST, "anna", MADE.plusSeconds(1))).isEqualTo(Purge.Withdrawal.TOO_LATE);
        assertThat(failed.status()).isEqualTo(PurgeStatus.FAILED);
    }

    @Test
    void onlyTheRequestThatAskedForThePlanWithdrawsIt() {
        Purge plan = planOfRequest();
        Purge madeByAnArchivist = plan(null);

        assertThatThrownBy(() -> plan.withdraw("REQ-2", "anna", MADE.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> madeByAnArchivist.withdraw(REQUEST, "anna", MADE.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(plan.status()).isEqualTo(PurgeStatus.AWAITING_APPROVAL);
        assertThat(madeByAnArchivist.status()).isEqualTo(PurgeStatus.AWAITING_APPROVAL);
    }

    private static Purge planOfRequest() {
        return plan(REQUEST);
    }

    /** A stored plan of one due case made by arvid: its PurgePlanCreated is out already. */
    private static Purge plan(String requestId) {
        Purge plan = Purge.plan(
                "plan-" + requestId + "-rule-1",
                "es-1",
                requestId,
                new RuleApplied(
                        "rule-1",
                        1,
                        "Barn- och utbildningsnämnden",
                        "3.2.1",
                        "BUN 2024/1",
                        "2024-05-21",
                        "P2Y",
                        "SUBMITTED",
                        null),
                new Preview(
                        "rule-1",
                        1,
                        MADE.minus(Duration.ofDays(1000)),
                        MADE.minus(Duration.ofDays(1000)),
                        List.of(),
                        MADE.minus(Duration.ofDays(730))),
                1,
                "arvid",
                MADE,
                WINDOW);
        plan.saved(1);
        return plan;
    }
}
