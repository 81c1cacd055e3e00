package se.municipality.eops.starter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PageBoundsTest {

    @Test
    void aPageWithinTheBoundsPasses() {
        assertThatCode(() -> PageBounds.check(0, 1, 100)).doesNotThrowAnyException();
        assertThatCode(() -> PageBounds.check(7, 100, 100)).doesNotThrowAnyException();
    }

    @Test
    void aNegativePageOrASizeOutsideOneToTheMaximumIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> PageBounds.check(-1, 20, 100))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        refused -> assertThat(refused.asFieldError())
                                .isEqualTo(
                                        new FieldError("page", "must be 0 or more", "out-of-range", Map.of("min", 0))));
        for (int size : new int[] {0, 101, 1000}) {
            assertThatThrownBy(() -> PageBounds.check(0, size, 100))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            refused -> assertThat(refused.asFieldError())
                                    .isEqualTo(new FieldError(
                                            "size",
                                            "must be between 1 and 100",
                                            "out-of-range",
                                            Map.of("min", 1, "max", 100))));
        }
    }
}
