package se.municipality.eops.permission.grant.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.permission.PermissionRole;

/** Where grants are kept; every change writes the grant and its event together. */
public interface Grants {

    /**
     * Stores a new grant with its event.
     *
     * @return false if a grant with that id exists already (the request was carried out before)
     */
    boolean add(Grant grant, DomainEvent event);

    /** Applies the transition if the grant is still in one of its {@code from} statuses. */
    boolean apply(Transition transition);

    Optional<Grant> findById(String id);

    /** The person's open grants (awaiting training, active, expiring) of that role there. */
    List<Grant> openForPerson(String personId, PermissionRole role, String eServiceId);

    /** The open case-handler grants of these groups. */
    List<Grant> openForGroups(Collection<String> groupIds);

    /** Whether some grant was created or changed on behalf of that request. */
    boolean touchedByRequest(String requestId);

    List<Grant> awaitingTraining(String personId);

    /** The people who have grants waiting for their training. */
    List<String> peopleAwaitingTraining();

    /** Grants in one of these statuses whose validity ends before {@code before}, earliest end first. */
    List<Grant> endingBefore(Set<GrantStatus> statuses, Instant before, int limit);

    /** Open grants of an e-service, for its access review. */
    List<Grant> openOnEService(String eServiceId);

    /** The e-services that have open grants. */
    List<String> eServicesWithOpenGrants();

    List<Grant> ofPerson(String personId);

    /**
     * The open case-handler grants of people on that e-service whose user name, name or e-mail
     * contains the folded fragment ({@link SearchText#fold}); all of them when it is empty.
     */
    List<Grant> openPersonHandlers(String eServiceId, String foldedFragment);

    /** The open case-handler grants of groups on that e-service. */
    List<Grant> openGroupHandlers(String eServiceId);

    /** How many grants there are of each role in each status. */
    List<Count> countByRoleAndStatus();

    record Count(PermissionRole role, GrantStatus status, long grants) {}

    /** Writes the group's current name into its grants, so their later events name it right. */
    void renameGroup(String groupId, String name);
}
