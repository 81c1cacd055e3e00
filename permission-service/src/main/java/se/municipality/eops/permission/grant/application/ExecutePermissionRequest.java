package se.municipality.eops.permission.grant.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.permission.Group;
import se.municipality.eops.contract.permission.PermissionRequestRefused;
import se.municipality.eops.contract.permission.PermissionRevoked.RevocationCause;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PermissionRequest.Change;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.GrantStatus;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.grant.domain.Holder;
import se.municipality.eops.permission.grant.domain.Refusal;
import se.municipality.eops.permission.grant.domain.Refusals;
import se.municipality.eops.permission.grant.domain.Trainings;
import se.municipality.eops.permission.group.application.GroupMembership;
import se.municipality.eops.permission.group.domain.HandlerGroup;

/**
 * Carries out a permission request from request-service: grants, revokes, or refuses with a reason
 * ({@link PermissionRequestRefused}). Every write is keyed by the request (the grant's id is derived
 * from it, groups and refusals record it), so a redelivered or concurrently delivered request
 * finds it was carried out and changes nothing.
 */
@Service
public class ExecutePermissionRequest {

    private static final Logger log = LoggerFactory.getLogger(ExecutePermissionRequest.class);

    private final Grants grants;
    private final Trainings trainings;
    private final Refusals refusals;
    private final GroupMembership groups;
    private final GrantActivation activation;
    private final PermissionMetrics metrics;
    private final Clock clock;

    ExecutePermissionRequest(
            Grants grants,
            Trainings trainings,
            Refusals refusals,
            GroupMembership groups,
            GrantActivation activation,
            PermissionMetrics metrics,
            Clock clock) {
        this.grants = grants;
        this.trainings = trainings;
        this.refusals = refusals;
        this.groups = groups;
        this.activation = activation;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The grant a request creates has this id, so that carrying the request out twice is a duplicate. */
    public static String grantIdFor(String requestId) {
        return "gr-" + requestId;
    }

    public void handle(RequestSubmitted submitted) {
        PermissionRequest permission = submitted.permission();
        if (permission == null) {
            return; // a publication or purge request: not this service's
        }
        String requestId = submitted.requestId();
        if (carriedOutBefore(requestId)) {
            log.info("Request {} was carried out before; nothing to do", requestId);
            return;
        }
        String requester = PersonIds.normalize(submitted.requester().userId());
        PermissionRole role = PermissionRole.valueOf(permission.role().name());
        if (permission.group() != null) {
            if (permission.change() == Change.GRANT) {
                grantToGroup(requestId, requester, role, permission);
            } else {
                revokeFromGroup(requestId, requester, role, permission);
            }
        } else if (permission.change() == Change.GRANT) {
            grantToPerson(requestId, requester, role, permission);
        } else {
            revokeFromPerson(requestId, requester, role, permission);
        }
    }

    private void grantToPerson(String requestId, String requester, PermissionRole role, PermissionRequest permission) {
        Person person = person(permission.person());
        String eServiceId = permission.eServiceId();
        Optional<Refusal> refusal = Refusal.ofPersonGrant(
                role,
                eServiceId,
                person.personId(),
                grants.openForPerson(person.personId(), role, eServiceId).stream()
                        .filter(held -> held.lastsUntil(permission.validUntil()))
                        .toList(),
                role == PermissionRole.CASE_HANDLER ? viaGroups(person.personId(), eServiceId) : List.of());
        if (refusal.isPresent()) {
            refuse(requestId, permission, role, person, null, refusal.get());
            return;
        }
        Grant.Decided decided = Grant.decide(
                new Grant.Wish(
                        grantIdFor(requestId),
                        role,
                        eServiceId,
                        permission.eServiceName(),
                        Holder.of(person),
                        null,
                        permission.validUntil(),
                        requestId,
                        requester),
                role == PermissionRole.ADMINISTRATOR
                        ? trainings.of(person.personId()).orElse(null)
                        : null,
                clock.instant());
        if (grants.add(decided.grant(), decided.event())) {
            metrics.decided(decided.grant());
            if (decided.grant().status() == GrantStatus.AWAITING_TRAINING) {
                // The training may have been recorded while this grant was being decided.
                activation.activateWaitingGrantsOf(person.personId());
            }
        }
    }

    private void grantToGroup(String requestId, String requester, PermissionRole role, PermissionRequest permission) {
        String eServiceId = permission.eServiceId();
        Group named = new Group(
                HandlerGroup.idFor(eServiceId, permission.group().name()),
                permission.group().name());
        Optional<Refusal> refusal = Refusal.ofGroupGrant(role, eServiceId);
        if (refusal.isPresent()) {
            refuse(requestId, permission, role, null, named, refusal.get());
            return;
        }
        List<Person> members = permission.group().members().stream()
                .map(ExecutePermissionRequest::person)
                .toList();
        GroupMembership.Outcome membership =
                groups.ensure(eServiceId, permission.group().name(), members, requestId, requester);
        HandlerGroup group = membership.group();
        List<Grant> held = grants.openForGroups(List.of(group.id()));
        if (held.isEmpty()) {
            Grant.Decided decided = Grant.decide(
                    new Grant.Wish(
                            grantIdFor(requestId),
                            role,
                            eServiceId,
                            permission.eServiceName(),
                            Holder.of(group.reference()),
                            null,
                            permission.validUntil(),
                            requestId,
                            requester),
                    null,
                    clock.instant());
            if (grants.add(decided.grant(), decided.event())) {
                metrics.decided(decided.grant());
            }
        } else if (!membership.changed()) {
            refuse(
                    requestId,
                    permission,
                    role,
                    null,
                    group.reference(),
                    Refusal.groupAlreadyGranted(
                            group.name(), eServiceId, held.get(0).id()));
        }
        // else: the group held the role already and the request added members, which made them handlers.
    }

    private void revokeFromPerson(
            String requestId, String requester, PermissionRole role, PermissionRequest permission) {
        Person person = person(permission.person());
        List<Grant> open = grants.openForPerson(person.personId(), role, permission.eServiceId());
        if (open.isEmpty()) {
            List<Grant> viaGroups = role == PermissionRole.CASE_HANDLER
                    ? viaGroups(person.personId(), permission.eServiceId())
                    : List.of();
            refuse(
                    requestId,
                    permission,
                    role,
                    person,
                    null,
                    Refusal.notGranted(role, permission.eServiceId(), person.personId(), viaGroups));
            return;
        }
        revoke(open, requestId, requester);
    }

    private void revokeFromGroup(
            String requestId, String requester, PermissionRole role, PermissionRequest permission) {
        String groupId =
                HandlerGroup.idFor(permission.eServiceId(), permission.group().name());
        List<Grant> open = grants.openForGroups(List.of(groupId)).stream()
                .filter(grant -> grant.role() == role)
                .toList();
        if (open.isEmpty()) {
            refuse(
                    requestId,
                    permission,
                    role,
                    null,
                    new Group(groupId, permission.group().name()),
                    Refusal.notGranted(
                            role,
                            permission.eServiceId(),
                            "The group " + permission.group().name(),
                            List.of()));
            return;
        }
        revoke(open, requestId, requester);
    }

    private void revoke(List<Grant> open, String requestId, String requester) {
        Instant now = clock.instant();
        for (Grant grant : open) {
            String reason = "Revoked on request " + requestId;
            if (grants.apply(grant.revoke(now, requestId, requester, RevocationCause.REQUEST, reason))) {
                metrics.revoked(grant);
            }
        }
    }

    private List<Grant> viaGroups(String personId, String eServiceId) {
        List<String> groupIds = groups.groupsWithMember(personId, eServiceId);
        return grants.openForGroups(groupIds);
    }

    private void refuse(
            String requestId,
            PermissionRequest permission,
            PermissionRole role,
            Person person,
            Group group,
            Refusal refusal) {
        // A concurrent delivery of the same request may have carried it out meanwhile: then its
        // own effect is the answer, not a refusal of it.
        if (carriedOutBefore(requestId)) {
            return;
        }
        boolean recorded = refusals.record(new PermissionRequestRefused(
                UUID.randomUUID(),
                requestId,
                clock.instant(),
                refusal.code(),
                refusal.reason(),
                PermissionRequestRefused.Change.valueOf(permission.change().name()),
                role,
                permission.eServiceId(),
                person,
                group,
                refusal.existingGrantId()));
        if (recorded) {
            metrics.refused(refusal.code());
            log.info("Refused request {}: {}", requestId, refusal.reason());
        }
    }

    private boolean carriedOutBefore(String requestId) {
        // A group change alone is no proof: the grant that follows it may not be written yet.
        return grants.touchedByRequest(requestId) || refusals.exists(requestId);
    }

    static Person person(PermissionRequest.Person person) {
        return new Person(PersonIds.normalize(person.userId()), person.name(), person.email());
    }
}
