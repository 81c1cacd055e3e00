package se.municipality.eops.permission.grant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.permission.grant.domain.GrantTest.NOW;
import static se.municipality.eops.permission.grant.domain.GrantTest.TRAINING;
import static se.municipality.eops.permission.grant.domain.GrantTest.wish;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.permission.PermissionRevoked.RevocationCause;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;

/** Withdrawing the request that asked for a grant: only a grant still waiting for the training is withdrawn. */
class GrantWithdrawalTest {

    static final Instant LATER = NOW.plus(Duration.ofHours(1));

    @Test
    void aGrantWaitingForTheTrainingIsWithdrawnWithItsRequestAndAnnouncesNothing() {
        Grant waiting = waitingAdministrator();

        Transition withdrawal =
                waiting.withdraw("REQ-1", "anna", " Fel person angiven ", LATER).orElseThrow();

        assertThat(withdrawal.grantId()).isEqualTo("gr-1");
        assertThat(withdrawal.from()).containsExactly(GrantStatus.AWAITING_TRAINING);
        assertThat(withdrawal.to()).isEqualTo(GrantStatus.WITHDRAWN);
        assertThat(withdrawal.event()).as("RequestWithdrawn is the public fact").isNull();
        assertThat(withdrawal.events()).isEmpty();
        assertThat(withdrawal.entry())
                .isEqualTo(new HistoryEntry(
                        LATER,
                        GrantStatus.WITHDRAWN,
                        "REQ-1",
                        "anna",
                        "request withdrawn before the training was on record: Fel person angiven"));
        Grant withdrawn = waiting.with(withdrawal);
        assertThat(withdrawn.status()).isEqualTo(GrantStatus.WITHDRAWN);
        assertThat(withdrawn.history())
                .extracting(HistoryEntry::status)
                .containsExactly(GrantStatus.AWAITING_TRAINING, GrantStatus.WITHDRAWN);
        assertThat(withdrawn.inForceAt(LATER)).isFalse();
    }

    @Test
    void aWithdrawalWithoutReasonSaysSoPlainly() {
        Transition withdrawal =
                waitingAdministrator().withdraw("REQ-1", "anna", null, LATER).orElseThrow();

        assertThat(withdrawal.entry().note()).isEqualTo("request withdrawn before the training was on record");
    }

    @Test
    void aWithdrawnGrantIsOverSoTheTrainingTheExpiryAndRevocationsLeaveItAlone() {
        Grant withdrawn = withdrawn();

        assertThat(withdrawn.activate(TRAINING, LATER).from()).doesNotContain(GrantStatus.WITHDRAWN);
        assertThat(withdrawn.expire(LATER).from()).doesNotContain(GrantStatus.WITHDRAWN);
        assertThat(withdrawn
                        .revoke(LATER, "REQ-9", "anna", RevocationCause.REQUEST, "no")
                        .from())
                .doesNotContain(GrantStatus.WITHDRAWN);
        assertThat(GrantStatus.OPEN)
                .as("not waiting, so no duplicate of a new request")
                .doesNotContain(GrantStatus.WITHDRAWN);
        assertThat(GrantStatus.IN_FORCE).doesNotContain(GrantStatus.WITHDRAWN);
    }

    @Test
    void withdrawingAgainChangesNothing() {
        assertThat(withdrawn().withdraw("REQ-1", "anna", "again", LATER.plusSeconds(1)))
                .isEmpty();
    }

    @Test
    void aGrantCarriedOutOrEndedStaysAsItIs() {
        Grant active = Grant.decide(wish(PermissionRole.ADMINISTRATOR, NOW.plus(Duration.ofDays(30))), TRAINING, NOW)
                .grant();
        Grant activated = waitingAdministrator().with(waitingAdministrator().activate(TRAINING, NOW));
        Grant expiring = active.with(active.warnExpiring(NOW));
        Grant expired = active.with(active.expire(NOW));
        Grant revoked = waitingAdministrator()
                .with(waitingAdministrator().revoke(NOW, "REQ-2", "anna", RevocationCause.REQUEST, "no longer"));
        Grant editor =
                Grant.decide(wish(PermissionRole.EDITOR, null), null, NOW).grant();

        for (Grant grant : new Grant[] {active, activated, expiring, expired, revoked, editor}) {
            assertThat(grant.withdraw("REQ-1", "anna", null, LATER))
                    .as("a %s grant", grant.status())
                    .isEmpty();
        }
    }

    @Test
    void aGrantAnotherRequestAskedForStaysAsItIs() {
        Grant waiting = waitingAdministrator();

        assertThat(waiting.withdraw("REQ-2", "anna", null, LATER))
                .as("e.g. a withdrawn revocation request names a grant it did not ask for")
                .isEmpty();
    }

    @Test
    void aGrantNoRequestAskedForStaysAsItIs() {
        Grant demo = Grant.decide(
                        new Grant.Wish(
                                "gr-demo",
                                PermissionRole.ADMINISTRATOR,
                                "es-1",
                                null,
                                Holder.of(new Person("p", null, null)),
                                null,
                                null,
                                null,
                                "system"),
                        null,
                        NOW)
                .grant();

        assertThat(demo.withdraw(null, "anna", null, LATER)).isEmpty();
    }

    private static Grant waitingAdministrator() {
        Grant waiting = Grant.decide(wish(PermissionRole.ADMINISTRATOR, null), null, NOW)
                .grant();
        assertThat(waiting.status()).isEqualTo(GrantStatus.AWAITING_TRAINING);
        return waiting;
    }

    private static Grant withdrawn() {
        Grant waiting = waitingAdministrator();
        return waiting.with(waiting.withdraw("REQ-1", "anna", null, LATER).orElseThrow());
    }
}
