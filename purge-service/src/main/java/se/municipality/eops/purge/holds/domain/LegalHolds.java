package se.municipality.eops.purge.holds.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where legal holds are kept, each by its own id; purges read the holds in force on cases and e-services from here
 * when they are made and run. Lifted holds stay, with who lifted them.
 */
public interface LegalHolds {

    void place(LegalHold hold);

    Optional<LegalHold> find(String holdId);

    /**
     * Lifts the hold if it is in force (one atomic write: of two lifts at once, one wins).
     *
     * @return whether it was in force and is lifted now
     */
    boolean lift(String holdId, String liftedBy, Instant liftedAt, String liftReason);

    /** The holds in force on one case or e-service. */
    List<LegalHold> inForceOn(LegalHold.Target target, String targetId);

    /** The holds in force on single cases (few: a small collection read whole). */
    List<LegalHold> inForceOnCases();

    /** Every hold in force, or also the lifted ones. */
    List<LegalHold> all(boolean alsoLifted);
}
