package se.municipality.eops.permission.group.domain;

import java.util.List;
import java.util.Optional;

/** Where handler groups are kept; a change and its event are written together. */
public interface HandlerGroups {

    /** @return false if a group with that id exists already */
    boolean add(HandlerGroup.Changed created);

    /**
     * Writes the changed group if nobody changed it since it was read.
     *
     * @return false if another change came first (read again and retry)
     */
    boolean update(HandlerGroup.Changed change, String requestId);

    Optional<HandlerGroup> findById(String id);

    /** The groups of that e-service that have this person as a member. */
    List<HandlerGroup> withMember(String personId, String eServiceId);

    List<HandlerGroup> ofEService(String eServiceId);

    /** Whether a request changed some group (its id is recorded in the group). */
    boolean touchedByRequest(String requestId);
}
