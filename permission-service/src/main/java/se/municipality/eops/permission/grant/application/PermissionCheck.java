package se.municipality.eops.permission.grant.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.group.domain.HandlerGroup;
import se.municipality.eops.permission.group.domain.HandlerGroups;

/**
 * "May person P act as role R on e-service E now?": yes when a grant of R on E is in force and
 * inside its period, for P directly or, for case handlers, for a group P is a member of. An
 * administrator grant without an e-service answers a check without one.
 */
@Service
public class PermissionCheck {

    private final Grants grants;
    private final HandlerGroups groups;
    private final Clock clock;

    PermissionCheck(Grants grants, HandlerGroups groups, Clock clock) {
        this.grants = grants;
        this.groups = groups;
        this.clock = clock;
    }

    /** A grant behind a yes: the person's own, or their group's ({@code group} set). */
    public record Basis(Grant grant, HandlerGroup group) {}

    public record Answer(String personId, PermissionRole role, String eServiceId, Instant at, List<Basis> basis) {
        public boolean allowed() {
            return !basis.isEmpty();
        }
    }

    public Answer check(String userName, PermissionRole role, String eServiceId) {
        String personId = PersonIds.normalize(userName);
        Instant now = clock.instant();
        List<Basis> basis = new ArrayList<>();
        grants.openForPerson(personId, role, eServiceId).stream()
                .filter(grant -> grant.inForceAt(now))
                .forEach(grant -> basis.add(new Basis(grant, null)));
        if (role == PermissionRole.CASE_HANDLER && eServiceId != null) {
            Map<String, HandlerGroup> memberOf = groups.withMember(personId, eServiceId).stream()
                    .collect(Collectors.toMap(HandlerGroup::id, Function.identity()));
            grants.openForGroups(memberOf.keySet()).stream()
                    .filter(grant -> grant.role() == role && grant.inForceAt(now))
                    .forEach(grant -> basis.add(
                            new Basis(grant, memberOf.get(grant.holder().group().groupId()))));
        }
        return new Answer(personId, role, eServiceId, now, List.copyOf(basis));
    }
}
