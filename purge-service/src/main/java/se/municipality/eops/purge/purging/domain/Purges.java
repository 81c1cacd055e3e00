package se.municipality.eops.purge.purging.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where purges are kept; each write stores the purge's new events with it (the outbox). */
public interface Purges {

    /** @return false if a purge with this id exists (the same event or request came again) */
    boolean insert(Purge purge);

    /** Stores the purge's new state and events if nobody changed it since it was loaded. */
    boolean save(Purge purge);

    Optional<Purge> find(String id);

    List<Purge> withStatus(PurgeStatus status);

    List<Purge> awaitingApprovalExpiredAt(Instant now);

    /** Purges with a batch whose acknowledgements were due by {@code now} and are not settled. */
    List<Purge> withAcknowledgementsDueBy(Instant now);

    List<Purge> recent(int limit);
}
