package se.municipality.eops.purge.holds.domain;

import java.util.List;
import java.util.Optional;

/** Where legal holds are kept; purges read the holds on cases and e-services from here when they are made and run. */
public interface LegalHolds {

    void place(LegalHold hold);

    /** @return whether there was such a hold */
    boolean lift(LegalHold.Target target, String targetId);

    Optional<LegalHold> onEService(String eServiceId);

    /** The holds on single cases (few: a small collection read whole). */
    List<LegalHold> onCases();

    List<LegalHold> all();
}
