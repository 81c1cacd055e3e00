package se.municipality.eops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void takesTheNearestRankOfTheSortedSamples() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i; // 100 .. 1, unsorted on purpose
        }
        Percentiles percentiles = Percentiles.of(samples);

        assertThat(percentiles.at(50)).isEqualTo(50);
        assertThat(percentiles.at(99)).isEqualTo(99);
        assertThat(percentiles.at(100)).isEqualTo(100);
        assertThat(percentiles.at(0.5)).isEqualTo(1);
    }

    @Test
    void roundsTheRankUpForFewSamples() {
        Percentiles percentiles = Percentiles.of(new long[] {7, 3, 5});

        assertThat(percentiles.at(50)).isEqualTo(5);
        assertThat(percentiles.at(99)).isEqualTo(7);
    }

    @Test
    void reportsNoSamplesAsMinusOne() {
        assertThat(Percentiles.of(new long[0]).at(99)).isEqualTo(-1);
    }

    @Test
    void refusesPercentsOutsideTheRange() {
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}).at(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinsThePerThreadSamples() {
        LongSamples first = new LongSamples();
        LongSamples second = new LongSamples();
        for (int i = 0; i < 2000; i++) {
            first.add(i);
        }
        second.add(5000);

        long[] all = LongSamples.concat(java.util.List.of(first, second));

        assertThat(all).hasSize(2001);
        assertThat(Percentiles.of(all).at(100)).isEqualTo(5000);
    }
}
