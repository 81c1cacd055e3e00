package se.municipality.eops.contract.request;

import java.time.Instant;
import java.util.List;

/**
 * Grant or revoke administrator, editor or case-handler permission on an e-service, for one
 * person or (case handlers only) a group of handlers. Exactly one of {@code person} and {@code
 * group} is set.
 *
 * @param validUntil when a granted permission ends by itself (a grant only; absent: until revoked)
 */
public record PermissionRequest(
        Change change,
        PermissionRole role,
        String eServiceId,
        String eServiceName,
        Person person,
        HandlerGroup group,
        String message,
        Instant validUntil) {

    /** A permission without an end, as requests were filed before they could have one. */
    public PermissionRequest(
            Change change,
            PermissionRole role,
            String eServiceId,
            String eServiceName,
            Person person,
            HandlerGroup group,
            String message) {
        this(change, role, eServiceId, eServiceName, person, group, message, null);
    }

    public enum Change {
        GRANT,
        REVOKE
    }

    public enum PermissionRole {
        ADMINISTRATOR,
        EDITOR,
        CASE_HANDLER
    }

    /** A person in the municipality's directory. */
    public record Person(String userId, String name, String email) {}

    /** A named group of case handlers; granting to the group grants to every member. */
    public record HandlerGroup(String name, List<Person> members) {}
}
