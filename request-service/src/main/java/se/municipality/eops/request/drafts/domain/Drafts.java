package se.municipality.eops.request.drafts.domain;

import java.time.Instant;
import java.util.Optional;

/** Where drafts are kept. */
public interface Drafts {

    void add(Draft draft);

    Optional<Draft> findById(String id);

    /**
     * Stores a changed draft unless it changed meanwhile (its version) or was submitted.
     *
     * @return whether it was stored
     */
    boolean update(Draft draft);

    /** Records that the draft was submitted as {@code requestId}; idempotent. */
    void markSubmitted(String id, String requestId);

    void delete(String id);

    /** The owner's drafts that are neither submitted nor expired. */
    long countOpen(String ownerId, Instant now);

    /** Removes every draft that expired before {@code now}; answers how many. */
    long removeExpired(Instant now);
}
