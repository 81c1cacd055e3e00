package se.municipality.eops.permission.grant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.permission.Group;
import se.municipality.eops.contract.permission.PermissionAwaitingTraining;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;

class GrantTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final Training TRAINING = new Training(LocalDate.parse("2026-11-20"), "Grundkurs", "cecilia", NOW);

    @Test
    void anAdministratorWithoutTrainingWaitsForIt() {
        Grant.Decided decided = Grant.decide(wish(PermissionRole.ADMINISTRATOR, null), null, NOW);

        assertThat(decided.grant().status()).isEqualTo(GrantStatus.AWAITING_TRAINING);
        assertThat(decided.event()).isInstanceOf(PermissionAwaitingTraining.class);
        assertThat(decided.grant().inForceAt(NOW)).isFalse();
    }

    @Test
    void anAdministratorWithTrainingOnRecordIsActiveAtOnce() {
        Grant.Decided decided = Grant.decide(wish(PermissionRole.ADMINISTRATOR, null), TRAINING, NOW);

        assertThat(decided.grant().status()).isEqualTo(GrantStatus.ACTIVE);
        assertThat(((PermissionGranted) decided.event()).trainingCompletedOn()).isEqualTo(TRAINING.completedOn());
    }

    @Test
    void activationLeavesOnlyAWaitingGrant() {
        Grant waiting = Grant.decide(wish(PermissionRole.ADMINISTRATOR, null), null, NOW)
                .grant();

        Transition activation = waiting.activate(TRAINING, NOW);

        assertThat(activation.from()).containsExactly(GrantStatus.AWAITING_TRAINING);
        assertThat(waiting.with(activation).inForceAt(NOW)).isTrue();
        assertThat(waiting.with(activation).history()).hasSize(2);
    }

    @Test
    void isInForceOnlyInsideItsPeriod() {
        Grant editor = Grant.decide(wish(PermissionRole.EDITOR, NOW.plus(Duration.ofDays(1))), null, NOW)
                .grant();

        assertThat(editor.inForceAt(NOW)).isTrue();
        assertThat(editor.inForceAt(NOW.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void aGroupHoldsNoRoleButCaseHandler() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Grant.decide(
                        new Grant.Wish(
                                "gr",
                                PermissionRole.EDITOR,
                                "es-1",
                                null,
                                Holder.of(new Group("hg", "G")),
                                null,
                                null,
                                null,
                                "anna"),
                        null,
                        NOW));
    }

    static Grant.Wish wish(PermissionRole role, Instant validUntil) {
        return new Grant.Wish(
                "gr-1", role, "es-1", null, Holder.of(new Person("p", null, null)), null, validUntil, "REQ-1", "anna");
    }
}
