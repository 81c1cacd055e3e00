package se.municipality.eops.permission.group.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.permission.grant.application.PermissionCheck;
import se.municipality.eops.permission.grant.web.PersonInput;
import se.municipality.eops.permission.group.application.GroupMembership;
import se.municipality.eops.permission.group.application.HandlerSearch;
import se.municipality.eops.permission.group.domain.HandlerGroup;
import se.municipality.eops.permission.web.FieldFindings;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.security.CurrentUser;
import se.municipality.eops.starter.web.InvalidInputException;
import se.municipality.eops.starter.web.PageBounds;

/**
 * Handler groups and the handler search of an e-service. Anyone with a token searches and reads;
 * only the e-service's administrators (or the central team) change its groups.
 */
@RestController
class GroupController {

    private static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_NAME = 200;
    private static final int MAX_MEMBERS = 500;
    private static final String CENTRAL_TEAM = "CENTRAL_TEAM";

    private final GroupMembership groups;
    private final HandlerSearch search;
    private final PermissionCheck check;

    GroupController(GroupMembership groups, HandlerSearch search, PermissionCheck check) {
        this.groups = groups;
        this.search = search;
        this.check = check;
    }

    @GetMapping("/api/e-services/{eServiceId}/handlers")
    HandlerSearch.Page handlers(
            @PathVariable String eServiceId,
            @RequestParam(name = "q", defaultValue = "") String fragment,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageBounds.check(page, size, MAX_PAGE_SIZE);
        if (fragment.length() > MAX_NAME) {
            throw new InvalidInputException(
                    "q",
                    "is longer than " + MAX_NAME + " characters",
                    FieldErrorCodes.TOO_LONG,
                    Map.of("max", MAX_NAME));
        }
        return search.search(eServiceId, fragment, page, size);
    }

    record GroupView(String id, String eServiceId, String name, List<Person> members) {
        static GroupView of(HandlerGroup group) {
            return new GroupView(group.id(), group.eServiceId(), group.name(), group.members());
        }
    }

    record NewGroup(String name, List<PersonInput> members) {}

    record NewName(String name) {}

    record NewMembers(List<PersonInput> members) {}

    @GetMapping("/api/e-services/{eServiceId}/groups")
    List<GroupView> groupsOf(@PathVariable String eServiceId) {
        return groups.ofEService(eServiceId).stream().map(GroupView::of).toList();
    }

    @GetMapping("/api/groups/{groupId}")
    GroupView group(@PathVariable String groupId) {
        return GroupView.of(groups.get(groupId));
    }

    @PostMapping("/api/e-services/{eServiceId}/groups")
    @ResponseStatus(HttpStatus.CREATED)
    GroupView create(@PathVariable String eServiceId, @RequestBody NewGroup body) {
        String by = mayChangeGroupsOf(eServiceId);
        FieldFindings findings = new FieldFindings();
        String name = name(body.name(), findings);
        List<Person> members = people(body.members(), findings);
        findings.throwIfAny();
        return GroupView.of(groups.create(eServiceId, name, members, by));
    }

    @PutMapping("/api/groups/{groupId}/name")
    GroupView rename(@PathVariable String groupId, @RequestBody NewName body) {
        String by = mayChangeGroupsOf(groups.get(groupId).eServiceId());
        FieldFindings findings = new FieldFindings();
        String name = name(body.name(), findings);
        findings.throwIfAny();
        return GroupView.of(groups.rename(groupId, name, by));
    }

    @PostMapping("/api/groups/{groupId}/members")
    GroupView addMembers(@PathVariable String groupId, @RequestBody NewMembers body) {
        String by = mayChangeGroupsOf(groups.get(groupId).eServiceId());
        FieldFindings findings = new FieldFindings();
        List<Person> people = people(body.members(), findings);
        if (findings.isEmpty() && people.isEmpty()) {
            findings.add("members", "names nobody", FieldErrorCodes.EMPTY);
        }
        findings.throwIfAny();
        return GroupView.of(groups.addMembers(groupId, people, by));
    }

    @DeleteMapping("/api/groups/{groupId}/members/{userId}")
    GroupView removeMember(@PathVariable String groupId, @PathVariable String userId) {
        String by = mayChangeGroupsOf(groups.get(groupId).eServiceId());
        return GroupView.of(groups.removeMembers(groupId, List.of(PersonIds.normalize(userId)), by));
    }

    /** @return the caller's person id, when they may change the e-service's groups */
    private String mayChangeGroupsOf(String eServiceId) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (!user.hasRole(CENTRAL_TEAM)
                && !check.check(user.userId(), PermissionRole.ADMINISTRATOR, eServiceId)
                        .allowed()) {
            throw new AccessDeniedException("only an administrator of " + eServiceId + " changes its handler groups");
        }
        return PersonIds.normalize(user.userId());
    }

    private static String name(String name, FieldFindings findings) {
        if (name == null || name.isBlank()) {
            findings.add("name", "is required", FieldErrorCodes.REQUIRED);
            return null;
        }
        if (name.length() > MAX_NAME) {
            findings.add(
                    "name",
                    "is longer than " + MAX_NAME + " characters",
                    FieldErrorCodes.TOO_LONG,
                    Map.of("max", MAX_NAME));
            return null;
        }
        return name.strip();
    }

    /** The people named, each member's errors added to {@code findings} ({@code members[i].email}, ...). */
    private static List<Person> people(List<PersonInput> members, FieldFindings findings) {
        if (members == null) {
            return List.of();
        }
        if (members.size() > MAX_MEMBERS) {
            findings.add(
                    "members",
                    "has more than " + MAX_MEMBERS + " people",
                    FieldErrorCodes.TOO_MANY,
                    Map.of("max", MAX_MEMBERS));
            return List.of();
        }
        return IntStream.range(0, members.size())
                .mapToObj(i -> members.get(i).toPerson("members[" + i + "]", findings))
                .flatMap(Optional::stream)
                .toList();
    }
}
