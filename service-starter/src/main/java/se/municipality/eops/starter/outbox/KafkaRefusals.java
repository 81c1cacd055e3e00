package se.municipality.eops.starter.outbox;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a refusal that no retry can change (the record itself is wrong for this broker or
 * producer) from trouble that passes (broker away, leader moving, timeouts). Spring Cloud Stream
 * wraps the producer's exception several times, so the whole cause chain is searched.
 */
final class KafkaRefusals {

    /** Refusals of the event itself: sending the same bytes again gets the same answer. */
    private static final List<Class<? extends Throwable>> PERMANENT = List.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            InvalidTopicException.class,
            InvalidRecordException.class,
            SerializationException.class);

    private KafkaRefusals() {}

    /** The permanent refusal in the cause chain, if there is one. */
    static Optional<Throwable> permanentCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            for (Class<? extends Throwable> permanent : PERMANENT) {
                if (permanent.isInstance(cause)) {
                    return Optional.of(cause);
                }
            }
        }
        return Optional.empty();
    }

    /** A short reason for operators: the refusal's type and message. */
    static String describe(Throwable cause) {
        String message = cause.getMessage();
        String text = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
