package se.municipality.eops.publication.delegation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DelegationTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void delegatingToYourselfIsRefusedWithoutClaimingAReviewerCheckTheServiceCannotMake() {
        // The service keeps no list of the reference group: the message may not promise "another reviewer".
        assertThatThrownBy(() -> Delegation.of("dlg-1", "rolf", "rolf", NOW, NOW.plus(Duration.ofDays(7)), NOW))
                .isInstanceOfSatisfying(InvalidDelegationException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("delegateId");
                    assertThat(refused.code()).isEqualTo(InvalidDelegationException.NOT_YOURSELF);
                    assertThat(refused.getMessage())
                            .isEqualTo("must be someone other than yourself")
                            .doesNotContain("reviewer");
                });
    }

    @Test
    void anyoneElseMayBeNamedTheDelegate() {
        Delegation delegation = Delegation.of("dlg-1", "rolf", "anna", NOW, NOW.plus(Duration.ofDays(7)), NOW);

        assertThat(delegation.lets("anna", "rolf", NOW)).isTrue();
        assertThat(delegation.lets("anna", "rolf", NOW.plus(Duration.ofDays(7))))
                .isFalse();
    }
}
