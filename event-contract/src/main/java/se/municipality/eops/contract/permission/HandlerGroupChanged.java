package se.municipality.eops.contract.permission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A handler group of an e-service was created, renamed or had members added or removed. Key = {@code
 * groupId}. Every event carries the whole member list after the change, so a read model keeps only
 * the latest event per group; a member of a group holding the case-handler role is a case handler of
 * the group's e-service.
 *
 * @param requestId the request that caused the change, if one did
 * @param change what changed
 * @param previousName for RENAMED: the name before
 * @param added the people who joined with this change
 * @param removed the people who left with this change
 * @param members every member after the change
 * @param changedBy who made the change (a personId)
 */
public record HandlerGroupChanged(
        UUID eventId,
        String groupId,
        Instant occurredAt,
        String requestId,
        String eServiceId,
        String name,
        GroupChange change,
        String previousName,
        List<Person> added,
        List<Person> removed,
        List<Person> members,
        String changedBy)
        implements DomainEvent {

    public enum GroupChange {
        CREATED,
        RENAMED,
        MEMBERS_ADDED,
        MEMBERS_REMOVED
    }

    @Override
    public String aggregateId() {
        return groupId;
    }
}
