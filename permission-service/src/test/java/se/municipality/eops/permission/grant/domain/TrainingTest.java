package se.municipality.eops.permission.grant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.municipality.eops.permission.grant.domain.Training.InvalidTrainingDateException;

class TrainingTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-08");

    @Test
    void aTrainingCompletedTodayOrBeforeIsTaken() {
        assertThatCode(() -> Training.checkCompletedOn(TODAY, TODAY)).doesNotThrowAnyException();
        assertThatCode(() -> Training.checkCompletedOn(TODAY.minusYears(3), TODAY))
                .doesNotThrowAnyException();
        assertThatCode(() -> Training.checkCompletedOn(Training.EARLIEST_COMPLETION, TODAY))
                .doesNotThrowAnyException();
    }

    @Test
    void aTrainingCompletedAfterTodayIsRefusedNamingTheDay() {
        assertThatThrownBy(() -> Training.checkCompletedOn(TODAY.plusDays(1), TODAY))
                .isInstanceOfSatisfying(InvalidTrainingDateException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("completedOn");
                    assertThat(refused.code()).isEqualTo(InvalidTrainingDateException.IN_FUTURE);
                    assertThat(refused.params()).containsEntry("today", "2026-12-08");
                });
        assertThatThrownBy(() -> Training.checkCompletedOn(LocalDate.parse("2031-06-01"), TODAY))
                .isInstanceOf(InvalidTrainingDateException.class)
                .hasMessageContaining("future");
    }

    @Test
    void aTrainingCompletedBefore2000IsRefusedAsATypingError() {
        assertThatThrownBy(() -> Training.checkCompletedOn(LocalDate.parse("1999-12-31"), TODAY))
                .isInstanceOfSatisfying(InvalidTrainingDateException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("completedOn");
                    assertThat(refused.code()).isEqualTo(InvalidTrainingDateException.TOO_EARLY);
                    assertThat(refused.params()).containsEntry("earliest", "2000-01-01");
                });
    }
}
