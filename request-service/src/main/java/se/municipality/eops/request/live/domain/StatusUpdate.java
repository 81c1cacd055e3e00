package se.municipality.eops.request.live.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a request's status as a stream shows it: the timeline entry with its 1-based position
 * ({@code sequence}) in the request's timeline. Statuses are kept as text so that a status this replica does not
 * know yet (a newer version wrote it) still reaches the client.
 *
 * @param requesterUserId the requester's user id, as filed (the token's subject)
 * @param fromStatus absent for the first entry (the filing)
 * @param reason absent unless the change gave one (a rejection, a block naming missing checklist items)
 */
public record StatusUpdate(
        String requestId,
        String requesterUserId,
        long sequence,
        String fromStatus,
        String status,
        Instant occurredAt,
        String actor,
        String reason) {

    public StatusUpdate {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(requesterUserId, "requesterUserId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("a timeline sequence starts at 1, not " + sequence);
        }
    }

    /** Where this update stands in the "my requests" stream: a cursor a client can resume from. */
    public MyRequestsCursor cursor() {
        return new MyRequestsCursor(occurredAt, requestId, sequence);
    }
}
