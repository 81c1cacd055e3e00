package se.municipality.eops.request.live.application;

/** A stream refused because the caller or this replica has as many open as allowed (answered 429). */
public class TooManyStreamsException extends RuntimeException {

    public TooManyStreamsException(String message) {
        super(message);
    }
}
