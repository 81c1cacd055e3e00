package se.municipality.eops.starter.concurrency;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a read-change-write whose write is guarded by the version it read (an optimistic lock) until that write
 * goes through: when another write came in between, the next attempt reads the other write's result and changes
 * that, so nothing is lost and no rule is checked against stale state. Every service's versioned writes use it,
 * so the number of attempts is each caller's and what happens after the last one is the same everywhere.
 */
public final class ConcurrentChanges {

    private ConcurrentChanges() {}

    /**
     * @param field the input the change is about, named in a 409 {@code busy} answer ({@code id}, {@code group})
     * @param what the thing that kept changing, for people: "the request 7f3c…", "the group Hemtjänst"
     * @param attempts how many lost races to take before giving up (at least 1)
     * @param attempt reads, changes and writes once; answers the result (never null) when its write went through,
     *     empty when another write came first. What it throws ends the retries at once (a refused rule, say).
     * @return the result of the first attempt whose write went through
     * @throws ConcurrentChangeException when every attempt lost its race
     */
    public static <T> T retry(String field, String what, int attempts, Supplier<Optional<T>> attempt) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        for (int tried = 1; tried <= attempts; tried++) {
            Optional<T> written = attempt.get();
            if (written.isPresent()) {
                return written.get();
            }
            Thread.onSpinWait();
        }
        throw new ConcurrentChangeException(field, what, attempts);
    }
}
