package se.municipality.eops.benchmarks;

import java.util.Arrays;

/** A growable list of primitive longs: one per thread, so recording a latency costs no boxing and no lock. */
final class LongSamples {

    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    static long[] concat(Iterable<LongSamples> parts) {
        int total = 0;
        for (LongSamples part : parts) {
            total += part.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (LongSamples part : parts) {
            System.arraycopy(part.values, 0, all, at, part.size);
            at += part.size;
        }
        return all;
    }
}
