package se.municipality.eops.starter.concurrency;

/**
 * Others kept changing the thing between each read and write of {@link ConcurrentChanges#retry}. Nothing was
 * written; the caller may try again: a person gets 409 {@code busy} naming {@link #field()}, a consumer's retries
 * apply the event again later.
 */
public class ConcurrentChangeException extends RuntimeException {

    private final String field;

    public ConcurrentChangeException(String field, String what, int attempts) {
        super(what + " kept changing while this change was written (" + attempts + " attempts); try again");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
