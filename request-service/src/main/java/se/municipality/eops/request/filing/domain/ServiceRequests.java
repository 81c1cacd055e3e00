package se.municipality.eops.request.filing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where requests are kept. Storing a request also stores the events it raised, in one write. */
public interface ServiceRequests {

    /**
     * Stores a new request unless one with its id exists, or another request for the same thing (its subject key)
     * is still open: one write, which the store refuses in either case, so two filings at once cannot both pass.
     */
    AddOutcome add(ServiceRequest request);

    enum AddOutcome {
        ADDED,
        /** A request with this id exists (filed before with the same idempotency key): nothing written. */
        ID_TAKEN,
        /** Another request for the same thing is open: nothing written. */
        SUBJECT_OPEN
    }

    /**
     * Lets go of the subject key of {@code request} if the request holding it has ended (its status is final) but
     * still holds it (written by a path other than {@link #update}); says whether one let go.
     */
    boolean releaseSubjectOfEnded(ServiceRequest request);

    Optional<ServiceRequest> findById(String id);

    List<ServiceRequest> findByRequester(String userId, int limit);

    /**
     * Stores what changed in a request read before (status, life, new timeline entries) and the events it
     * raised, in one write, if nobody else changed it since it was read.
     *
     * @param appliedKey the key of the event that caused the change ({@code consumer:eventId}), recorded in the
     *     same write so that the event is applied once; null for a person's action
     */
    UpdateOutcome update(ServiceRequest request, String appliedKey);

    enum UpdateOutcome {
        UPDATED,
        /** The event was applied to the request before: nothing written. */
        ALREADY_APPLIED,
        /** Someone changed the request since it was read: nothing written; read it again and retry. */
        CONFLICT
    }

    /** The requests the central team looks for, one page of them. */
    RequestPage search(RequestSearch search);

    /** Open requests in {@code status} since {@code enteredBefore} or earlier, not yet marked overdue. */
    List<ServiceRequest> findLateInStatus(RequestStatus status, Instant enteredBefore, int limit);
}
