package se.municipality.eops.starter.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentChangesTest {

    @Test
    void answersTheResultOfTheFirstAttemptWhoseWriteWentThrough() {
        AtomicInteger attempts = new AtomicInteger();

        String result = ConcurrentChanges.retry(
                "id",
                "the request r-1",
                5,
                () -> attempts.incrementAndGet() < 3
                        ? Optional.empty()
                        : Optional.of("written on attempt " + attempts.get()));

        assertThat(result).isEqualTo("written on attempt 3");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpAfterTheGivenNumberOfLostRacesNamingTheFieldAndTheThing() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> ConcurrentChanges.retry("group", "the group Hemtjänst", 4, () -> {
                    attempts.incrementAndGet();
                    return Optional.empty();
                }))
                .isInstanceOfSatisfying(ConcurrentChangeException.class, busy -> {
                    assertThat(busy.field()).isEqualTo("group");
                    assertThat(busy.getMessage())
                            .isEqualTo("the group Hemtjänst kept changing while this change"
                                    + " was written (4 attempts); try again");
                });
        assertThat(attempts).hasValue(4);
    }

    @Test
    void whatAnAttemptThrowsEndsTheRetriesAtOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> ConcurrentChanges.retry("id", "the request r-1", 5, () -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("refused by a rule");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("refused by a rule");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void takesAtLeastOneAttempt() {
        assertThatThrownBy(() -> ConcurrentChanges.retry("id", "x", 0, () -> Optional.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
