package se.municipality.eops.publication.catalogue.application;

import java.util.function.Supplier;

/**
 * Runs a read-change-write of one e-service again when another write came between the read and the
 * write (the optimistic lock refused it): the next attempt reads the other write's result, so no vote or
 * event is lost and no rule is checked against stale state.
 */
final class OptimisticRetry {

    static final int ATTEMPTS = 20;

    private OptimisticRetry() {}

    /** @param attempt answers null when its write lost the race, else the result */
    static <T> T run(String what, Supplier<T> attempt) {
        for (int i = 0; i < ATTEMPTS; i++) {
            T result = attempt.get();
            if (result != null) {
                return result;
            }
            Thread.onSpinWait();
        }
        throw new ConcurrentChangeException(what + " lost the race to other writes " + ATTEMPTS + " times");
    }

    /** The e-service changed under every attempt; the caller (or the binder's retry) may try again later. */
    static class ConcurrentChangeException extends RuntimeException {
        ConcurrentChangeException(String message) {
            super(message);
        }
    }
}
