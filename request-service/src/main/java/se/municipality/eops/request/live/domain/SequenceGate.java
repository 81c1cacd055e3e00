package se.municipality.eops.request.live.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * Lets each timeline entry through once per stream. A stream hears the topic before it reads the stored timeline
 * (so nothing published in between is lost), and so may see an entry both ways; it may also hear a redelivery.
 * Not thread-safe: a stream uses it under its own lock.
 */
public final class SequenceGate {

    private final Map<String, Long> lastSent = new HashMap<>();

    /** A gate that treats everything of {@code requestId} up to {@code sequence} as sent already. */
    public static SequenceGate after(String requestId, long sequence) {
        SequenceGate gate = new SequenceGate();
        gate.lastSent.put(requestId, sequence);
        return gate;
    }

    public static SequenceGate empty() {
        return new SequenceGate();
    }

    /** True (and remembered) when the update is newer than anything sent of its request. */
    public boolean admit(StatusUpdate update) {
        long last = lastSent.getOrDefault(update.requestId(), 0L);
        if (update.sequence() <= last) {
            return false;
        }
        lastSent.put(update.requestId(), update.sequence());
        return true;
    }
}
