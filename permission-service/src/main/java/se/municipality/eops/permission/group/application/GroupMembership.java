package se.municipality.eops.permission.group.application;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.group.domain.HandlerGroup;
import se.municipality.eops.permission.group.domain.HandlerGroups;
import se.municipality.eops.starter.concurrency.ConcurrentChanges;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.web.ConflictException;
import se.municipality.eops.starter.web.NotFoundException;

/**
 * Creates, renames and changes the members of handler groups. A change is written only if nobody
 * changed the group since it was read; on a conflict it is read again and the change worked out
 * anew, so two concurrent additions both land and each is one event.
 */
@Service
public class GroupMembership {

    private static final int ATTEMPTS = 10;

    private final HandlerGroups groups;
    private final Grants grants;
    private final Clock clock;

    GroupMembership(HandlerGroups groups, Grants grants, Clock clock) {
        this.groups = groups;
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * What {@link #ensure} found or did.
     *
     * @param changed whether the request created or changed the group (now, or in an earlier delivery)
     */
    public record Outcome(HandlerGroup group, boolean changed) {}

    /** Makes sure the group exists on the e-service with at least these members, for a request. */
    public Outcome ensure(String eServiceId, String name, List<Person> members, String requestId, String by) {
        String id = HandlerGroup.idFor(eServiceId, name);
        return ConcurrentChanges.retry("group", "the group " + name, ATTEMPTS, () -> {
            Optional<HandlerGroup> existing = groups.findById(id);
            if (existing.isEmpty()) {
                // Not added when it was created meanwhile: the next attempt adds to it.
                return groups.add(HandlerGroup.create(eServiceId, name, members, requestId, by, clock.instant()))
                        ? Optional.of(new Outcome(groups.findById(id).orElseThrow(), true))
                        : Optional.empty();
            }
            Optional<HandlerGroup.Changed> grown = existing.get().add(members, requestId, by, clock.instant());
            if (grown.isEmpty()) {
                return Optional.of(new Outcome(existing.get(), groups.touchedByRequest(requestId)));
            }
            return groups.update(grown.get(), requestId)
                    ? Optional.of(new Outcome(grown.get().group(), true))
                    : Optional.empty();
        });
    }

    public HandlerGroup create(String eServiceId, String name, List<Person> members, String by) {
        HandlerGroup.Changed created = HandlerGroup.create(eServiceId, name, members, null, by, clock.instant());
        if (!groups.add(created)) {
            throw new ConflictException(
                    "name", "the e-service " + eServiceId + " has a group named " + name, FieldErrorCodes.TAKEN);
        }
        return created.group();
    }

    public HandlerGroup rename(String groupId, String newName, String by) {
        HandlerGroup renamed = change(groupId, group -> Optional.of(group.rename(newName, by, clock.instant())));
        grants.renameGroup(groupId, renamed.name());
        return renamed;
    }

    public HandlerGroup addMembers(String groupId, Collection<Person> people, String by) {
        return change(groupId, group -> group.add(people, null, by, clock.instant()));
    }

    public HandlerGroup removeMembers(String groupId, Collection<String> personIds, String by) {
        return change(groupId, group -> group.remove(personIds, by, clock.instant()));
    }

    public HandlerGroup get(String groupId) {
        return groups.findById(groupId).orElseThrow(() -> new NotFoundException("no handler group " + groupId));
    }

    public List<HandlerGroup> ofEService(String eServiceId) {
        return groups.ofEService(eServiceId);
    }

    public List<String> groupsWithMember(String personId, String eServiceId) {
        return groups.withMember(personId, eServiceId).stream()
                .map(HandlerGroup::id)
                .toList();
    }

    private HandlerGroup change(String groupId, Function<HandlerGroup, Optional<HandlerGroup.Changed>> change) {
        return ConcurrentChanges.retry("group", "the group " + groupId, ATTEMPTS, () -> {
            HandlerGroup group = get(groupId);
            Optional<HandlerGroup.Changed> changed = change.apply(group);
            if (changed.isEmpty()) {
                return Optional.of(group); // nothing to change: no event
            }
            return groups.update(changed.get(), null)
                    ? Optional.of(changed.get().group())
                    : Optional.empty();
        });
    }
}
