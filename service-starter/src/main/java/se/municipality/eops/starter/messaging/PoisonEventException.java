package se.municipality.eops.starter.messaging;

/**
 * An event that can never be applied however often it is retried: not JSON, an unknown type, no
 * payload, or not valid against its schema. It goes to the dead-letter topic at once, with this
 * message as the reason, and the partition keeps flowing.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
