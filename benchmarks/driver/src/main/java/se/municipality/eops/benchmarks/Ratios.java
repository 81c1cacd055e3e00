package se.municipality.eops.benchmarks;

import java.util.Optional;

/**
 * A figure divided by its baseline; no ratio where either is missing, negative (a tool's "nothing measured") or
 * the baseline is zero.
 */
final class Ratios {

    private Ratios() {}

    static Optional<Double> of(Optional<Double> value, Optional<Double> baseline) {
        if (value.isEmpty() || baseline.isEmpty() || !(baseline.get() > 0) || !(value.get() >= 0)) {
            return Optional.empty();
        }
        return Optional.of(value.get() / baseline.get());
    }
}
