package se.municipality.eops.purge.holds.domain;

import java.util.List;
import java.util.Optional;

/** Where legal holds are kept; a case hold is also marked on the case, so purges skip it in their queries. */
public interface LegalHolds {

    void place(LegalHold hold);

    /** @return whether there was such a hold */
    boolean lift(LegalHold.Target target, String targetId);

    Optional<LegalHold> onEService(String eServiceId);

    /** The holds on single cases (few: a small collection read whole). */
    List<LegalHold> onCases();

    List<LegalHold> all();
}
