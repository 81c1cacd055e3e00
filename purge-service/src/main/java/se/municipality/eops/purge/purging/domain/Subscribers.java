package se.municipality.eops.purge.purging.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The systems registered to acknowledge purged batches, and their acknowledgements. */
public interface Subscribers {

    record Subscriber(String subscriberId, String name, String registeredBy, Instant registeredAt) {}

    /**
     * A subscriber's confirmation of one batch.
     *
     * @param acknowledgedAt when the subscriber says it deleted its copies: its event's {@code occurredAt}
     */
    record Acknowledgement(int batchNumber, String subscriberId, Instant acknowledgedAt) {}

    void register(Subscriber subscriber);

    List<Subscriber> all();

    /** Records an acknowledgement once; a second one of the same batch by the same system changes nothing. */
    void acknowledge(String purgeId, int batchNumber, String subscriberId, Instant at);

    /** Every acknowledgement of the purge's batches (the first of each subscriber per batch). */
    List<Acknowledgement> acknowledgementsOf(String purgeId);

    /** Who acknowledged which batch of the purge, in time or not. */
    default Map<Integer, Set<String>> acknowledgements(String purgeId) {
        Map<Integer, Set<String>> byBatch = new TreeMap<>();
        acknowledgementsOf(purgeId)
                .forEach(ack -> byBatch.computeIfAbsent(ack.batchNumber(), batch -> new TreeSet<>())
                        .add(ack.subscriberId()));
        return byBatch;
    }
}
