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

/**
 * The central team rejects the request that asked for a grant: like a withdrawal, only a grant still waiting for the
 * training stops, and its history says the team rejected it.
 */
class GrantRejectionTest {

    static final Instant LATER = NOW.plus(Duration.ofHours(1));

    @Test
    void aGrantWaitingForTheTrainingEndsWithdrawnAndItsHistorySaysTheTeamRejectedIt() {
        Grant waiting = waitingAdministrator();

        Transition rejection = waiting.rejectByTeam("REQ-1", "cecilia", " Ingen utbildning planerad ", LATER)
                .orElseThrow();

        assertThat(rejection.grantId()).isEqualTo("gr-1");
        assertThat(rejection.from()).containsExactly(GrantStatus.AWAITING_TRAINING);
        assertThat(rejection.to()).isEqualTo(GrantStatus.WITHDRAWN);
        assertThat(rejection.events()).as("RequestRejected is the public fact").isEmpty();
        assertThat(rejection.entry())
                .isEqualTo(new HistoryEntry(
                        LATER,
                        GrantStatus.WITHDRAWN,
                        "REQ-1",
                        "cecilia",
                        "request rejected by the central team before the training was on record:"
                                + " Ingen utbildning planerad"));
        Grant rejected = waiting.with(rejection);
        assertThat(rejected.status()).isEqualTo(GrantStatus.WITHDRAWN);
        assertThat(rejected.inForceAt(LATER)).isFalse();
        assertThat(rejected.activate(TRAINING, LATER).from()).doesNotContain(GrantStatus.WITHDRAWN);
        assertThat(rejected.expire(LATER).from()).doesNotContain(GrantStatus.WITHDRAWN);
    }

    @Test
    void aRejectionWithoutReasonSaysSoPlainly() {
        assertThat(waitingAdministrator()
                        .rejectByTeam("REQ-1", "cecilia", "  ", LATER)
                        .orElseThrow()
                        .entry()
                        .note())
                .isEqualTo("request rejected by the central team before the training was on record");
    }

    @Test
    void rejectingAgainOrAfterAWithdrawalChangesNothing() {
        Grant waiting = waitingAdministrator();
        Grant rejected = waiting.with(
                waiting.rejectByTeam("REQ-1", "cecilia", null, LATER).orElseThrow());
        Grant withdrawn =
                waiting.with(waiting.withdraw("REQ-1", "anna", null, LATER).orElseThrow());

        assertThat(rejected.rejectByTeam("REQ-1", "cecilia", null, LATER.plusSeconds(1)))
                .isEmpty();
        assertThat(withdrawn.rejectByTeam("REQ-1", "cecilia", null, LATER.plusSeconds(1)))
                .isEmpty();
    }

    @Test
    void aGrantCarriedOutEndedOrAskedForByAnotherRequestStaysAsItIs() {
        Grant active = Grant.decide(wish(PermissionRole.ADMINISTRATOR, null), TRAINING, NOW)
                .grant();
        Grant activated = waitingAdministrator().with(waitingAdministrator().activate(TRAINING, NOW));
        Grant revoked = waitingAdministrator()
                .with(waitingAdministrator().revoke(NOW, "REQ-2", "anna", RevocationCause.REQUEST, "no longer"));
        Grant editor =
                Grant.decide(wish(PermissionRole.EDITOR, null), null, NOW).grant();

        for (Grant grant : new Grant[] {active, activated, revoked, editor}) {
            assertThat(grant.rejectByTeam("REQ-1", "cecilia", null, LATER))
                    .as("a %s grant", grant.status())
                    .isEmpty();
        }
        assertThat(waitingAdministrator().rejectByTeam("REQ-2", "cecilia", null, LATER))
                .isEmpty();
    }

    private static Grant waitingAdministrator() {
        Grant waiting = Grant.decide(wish(PermissionRole.ADMINISTRATOR, null), null, NOW)
                .grant();
        assertThat(waiting.status()).isEqualTo(GrantStatus.AWAITING_TRAINING);
        return waiting;
    }
}
