package se.municipality.eops.publication.checklist.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The checklist versions, oldest first. */
public interface Checklists {

    /** The version in force at {@code at}: the newest one effective at or before it. */
    Optional<Checklist> inForceAt(Instant at);

    Optional<Checklist> latest();

    List<Checklist> all();

    /** @return false if that version number was taken meanwhile */
    boolean add(Checklist checklist);
}
