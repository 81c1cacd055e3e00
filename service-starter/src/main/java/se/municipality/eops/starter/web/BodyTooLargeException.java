package se.municipality.eops.starter.web;

import java.io.IOException;

/**
 * A request body grew past {@code eops.web.max-body-size} while it was read. An {@link IOException},
 * since it breaks off reading the stream; answered with 413.
 */
public class BodyTooLargeException extends IOException {

    private final long maxBytes;

    public BodyTooLargeException(long maxBytes) {
        super("The request body is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
