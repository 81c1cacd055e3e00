package se.municipality.eops.purge.purging.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where purges are kept; each write stores the purge's new events with it (the outbox). */
public interface Purges {

    /** @return false if a purge with this id exists (the same event or request came again) */
    boolean insert(Purge purge);

    /**
     * Stores the purge's new state and events if nobody changed it since it was loaded (or last saved); on success
     * the purge carries the stored version and no pending events, so it can be changed and saved again.
     */
    boolean save(Purge purge);

    /** The ids of the e-service's purges that still hold their cases: awaiting approval or executing. */
    List<String> openIds(String eServiceId);

    Optional<Purge> find(String id);

    /** The purges and plans made for a request (a RETENTION request makes a plan per rule), oldest first. */
    List<Purge> ofRequest(String requestId);

    List<Purge> withStatus(PurgeStatus status);

    List<Purge> awaitingApprovalExpiredAt(Instant now);

    /** Purges with a batch whose acknowledgements were due by {@code now} and are not settled. */
    List<Purge> withAcknowledgementsDueBy(Instant now);

    List<Purge> recent(int limit);
}
