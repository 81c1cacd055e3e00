package se.municipality.eops.benchmarks;

import java.util.Optional;

/** A figure divided by its baseline; no ratio where either is missing or the baseline is zero. */
final class Ratios {

    private Ratios() {}

    static Optional<Double> of(Optional<Double> value, Optional<Double> baseline) {
        if (value.isEmpty()
                || baseline.isEmpty()
                || baseline.get() == 0
                || value.get().isNaN()) {
            return Optional.empty();
        }
        return Optional.of(value.get() / baseline.get());
    }
}
