package se.municipality.eops.benchmarks;

import java.util.Arrays;

/** Latency figures from raw samples, by the nearest-rank method (what Gatling and HdrHistogram report too). */
public final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    public static Percentiles of(long[] samples) {
        long[] copy = samples.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    public int count() {
        return sorted.length;
    }

    /** The smallest sample that at least {@code percent} % of the samples do not exceed; -1 without samples. */
    public long at(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
