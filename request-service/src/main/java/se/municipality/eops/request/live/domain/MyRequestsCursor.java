package se.municipality.eops.request.live.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event id of the "my requests" stream: {@code <occurredAt epoch millis>.<requestId>.<sequence>}, e.g.
 * {@code 1764321330123.REQ-1A2B3C4D5E6F.3}. Changes of different requests travel on different partitions (and may be
 * made by different replicas), so no single position orders them all; time does, nearly. A client that resumes from a
 * cursor is sent every change of its requests that happened after the cursor's time minus an overlap (the changes
 * that may still have been on their way when it lost the stream), except those of the cursor's own request up to its
 * sequence, which it had in order. Within that overlap a change may come twice; its id says which it is.
 */
public record MyRequestsCursor(Instant occurredAt, String requestId, long sequence) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,15})\\.([A-Za-z0-9._:-]{1,64})\\.(\\d{1,9})");

    public MyRequestsCursor {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** Reads a {@code Last-Event-ID}; empty when it is not one of ours (then the client starts afresh). */
    public static Optional<MyRequestsCursor> parse(String lastEventId) {
        if (lastEventId == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(lastEventId.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new MyRequestsCursor(
                Instant.ofEpochMilli(Long.parseLong(matcher.group(1))),
                matcher.group(2),
                Long.parseLong(matcher.group(3))));
    }

    public String format() {
        return occurredAt.toEpochMilli() + "." + requestId + "." + sequence;
    }

    /** The earliest change a resume from here sends. */
    public Instant resumeFrom(Duration overlap) {
        return occurredAt.minus(overlap);
    }

    /**
     * Whether a client that had this cursor still lacks the update: it happened after {@link #resumeFrom} and is not
     * one of the cursor's own request at or before its sequence.
     */
    public boolean lacks(StatusUpdate update, Duration overlap) {
        if (update.requestId().equals(requestId)) {
            return update.sequence() > sequence;
        }
        return update.occurredAt().isAfter(resumeFrom(overlap));
    }
}
