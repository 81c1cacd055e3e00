package se.municipality.eops.permission.group.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.grant.domain.SearchText;
import se.municipality.eops.permission.group.domain.HandlerGroup;
import se.municipality.eops.permission.group.domain.HandlerGroups;

/**
 * The handler search of an e-service: everyone who may handle its cases now, directly or through a
 * group, whose user name, name or e-mail contains the fragment, case and accents ignored ("ostrom"
 * finds "Öström"). One person is one hit, with every way they hold the role.
 */
@Service
public class HandlerSearch {

    private final Grants grants;
    private final HandlerGroups groups;
    private final Clock clock;

    HandlerSearch(Grants grants, HandlerGroups groups, Clock clock) {
        this.grants = grants;
        this.groups = groups;
        this.clock = clock;
    }

    /** A handler found, and how they are one: directly ({@code direct}) and/or through the groups named. */
    public record Hit(Person person, boolean direct, List<String> groups) {}

    public record Page(List<Hit> hits, int page, int size, int total) {}

    public Page search(String eServiceId, String fragment, int page, int size) {
        String folded = SearchText.fold(fragment);
        Instant now = clock.instant();
        Map<String, Hit> hits = new LinkedHashMap<>();
        for (Grant grant : grants.openPersonHandlers(eServiceId, folded)) {
            if (grant.inForceAt(now)) {
                Person person = grant.holder().person();
                hits.merge(person.personId(), new Hit(person, true, List.of()), HandlerSearch::merge);
            }
        }
        for (Grant grant : grants.openGroupHandlers(eServiceId)) {
            if (!grant.inForceAt(now)) {
                continue;
            }
            HandlerGroup group =
                    groups.findById(grant.holder().group().groupId()).orElse(null);
            if (group == null) {
                continue;
            }
            for (Person member : group.members()) {
                if (SearchText.ofPerson(member.personId(), member.name(), member.email())
                        .contains(folded)) {
                    hits.merge(member.personId(), new Hit(member, false, List.of(group.name())), HandlerSearch::merge);
                }
            }
        }
        List<Hit> sorted = hits.values().stream()
                .sorted(Comparator.comparing((Hit hit) -> SearchText.fold(
                                hit.person().name() == null
                                        ? hit.person().personId()
                                        : hit.person().name()))
                        .thenComparing(hit -> hit.person().personId()))
                .toList();
        int from = Math.min(page * size, sorted.size());
        int to = Math.min(from + size, sorted.size());
        return new Page(sorted.subList(from, to), page, size, sorted.size());
    }

    private static Hit merge(Hit one, Hit other) {
        List<String> both = new ArrayList<>(one.groups());
        other.groups().stream().filter(name -> !both.contains(name)).forEach(both::add);
        Person person = one.person().name() != null ? one.person() : other.person();
        return new Hit(person, one.direct() || other.direct(), List.copyOf(both));
    }
}
