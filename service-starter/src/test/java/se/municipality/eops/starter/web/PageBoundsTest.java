package se.municipality.eops.starter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                        refused -> assertThat(refused.field()).isEqualTo("page"));
        for (int size : new int[] {0, 101, 1000}) {
            assertThatThrownBy(() -> PageBounds.check(0, size, 100))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            refused -> assertThat(refused.field()).isEqualTo("size"));
        }
    }
}
