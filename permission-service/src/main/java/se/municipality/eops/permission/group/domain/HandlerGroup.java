package se.municipality.eops.permission.group.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.municipality.eops.contract.permission.Group;
import se.municipality.eops.contract.permission.HandlerGroupChanged;
import se.municipality.eops.contract.permission.HandlerGroupChanged.GroupChange;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.permission.grant.domain.SearchText;

/**
 * A named group of case handlers of one e-service. A member of a group that holds the case-handler
 * grant is a handler of the e-service; leaving the group ends that. Every change is one {@link
 * HandlerGroupChanged} carrying the whole member list after it.
 *
 * @param version for optimistic locking: concurrent changes of one group are applied one after the other
 */
public record HandlerGroup(String id, String eServiceId, String name, List<Person> members, Long version) {

    public HandlerGroup {
        members = List.copyOf(members);
    }

    /** The result of a change: the group after it and its event. */
    public record Changed(HandlerGroup group, HandlerGroupChanged event) {}

    /**
     * The id of the group of that name on that e-service, derived from both, so that two requests
     * naming the same group (in any case or accents) find one group and a redelivered creation is a
     * duplicate. The id stays when the group is renamed.
     */
    public static String idFor(String eServiceId, String name) {
        String key = eServiceId + "\n" + SearchText.fold(name);
        return "hg-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    public static Changed create(
            String eServiceId, String name, Collection<Person> members, String requestId, String by, Instant now) {
        List<Person> distinct = distinct(members);
        HandlerGroup group = new HandlerGroup(idFor(eServiceId, name), eServiceId, name.strip(), distinct, null);
        return new Changed(group, group.changed(GroupChange.CREATED, null, distinct, List.of(), requestId, by, now));
    }

    public Changed rename(String newName, String by, Instant now) {
        HandlerGroup renamed = new HandlerGroup(id, eServiceId, newName.strip(), members, version);
        return new Changed(renamed, renamed.changed(GroupChange.RENAMED, name, List.of(), List.of(), null, by, now));
    }

    /** Adds the people who are not members yet; empty when all of them are. */
    public Optional<Changed> add(Collection<Person> people, String requestId, String by, Instant now) {
        Set<String> present = personIds();
        List<Person> joining = distinct(people).stream()
                .filter(person -> !present.contains(person.personId()))
                .toList();
        if (joining.isEmpty()) {
            return Optional.empty();
        }
        List<Person> after = new ArrayList<>(members);
        after.addAll(joining);
        HandlerGroup grown = new HandlerGroup(id, eServiceId, name, after, version);
        return Optional.of(new Changed(
                grown, grown.changed(GroupChange.MEMBERS_ADDED, null, joining, List.of(), requestId, by, now)));
    }

    /** Removes those of the people who are members; empty when none is. */
    public Optional<Changed> remove(Collection<String> personIds, String by, Instant now) {
        List<Person> leaving = members.stream()
                .filter(member -> personIds.contains(member.personId()))
                .toList();
        if (leaving.isEmpty()) {
            return Optional.empty();
        }
        List<Person> after = members.stream()
                .filter(member -> !personIds.contains(member.personId()))
                .toList();
        HandlerGroup shrunk = new HandlerGroup(id, eServiceId, name, after, version);
        return Optional.of(new Changed(
                shrunk, shrunk.changed(GroupChange.MEMBERS_REMOVED, null, List.of(), leaving, null, by, now)));
    }

    public Set<String> personIds() {
        return members.stream().map(Person::personId).collect(java.util.stream.Collectors.toSet());
    }

    public Group reference() {
        return new Group(id, name);
    }

    private HandlerGroupChanged changed(
            GroupChange change,
            String previousName,
            List<Person> added,
            List<Person> removed,
            String requestId,
            String by,
            Instant now) {
        return new HandlerGroupChanged(
                UUID.randomUUID(),
                id,
                now,
                requestId,
                eServiceId,
                name,
                change,
                previousName,
                added,
                removed,
                members,
                by);
    }

    private static List<Person> distinct(Collection<Person> people) {
        Map<String, Person> byId = new LinkedHashMap<>();
        people.forEach(person -> byId.putIfAbsent(person.personId(), person));
        return List.copyOf(byId.values());
    }
}
