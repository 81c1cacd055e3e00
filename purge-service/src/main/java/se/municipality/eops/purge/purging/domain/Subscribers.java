package se.municipality.eops.purge.purging.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The systems registered to acknowledge purged batches, and their acknowledgements. */
public interface Subscribers {

    record Subscriber(String subscriberId, String name, String registeredBy, Instant registeredAt) {}

    void register(Subscriber subscriber);

    List<Subscriber> all();

    /** Records an acknowledgement once; a second one of the same batch by the same system changes nothing. */
    void acknowledge(String purgeId, int batchNumber, String subscriberId, Instant at);

    /** Who acknowledged which batch of the purge. */
    Map<Integer, Set<String>> acknowledgements(String purgeId);
}
