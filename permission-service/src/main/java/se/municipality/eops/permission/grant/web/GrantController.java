package se.municipality.eops.permission.grant.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.permission.grant.application.PermissionCheck;
import se.municipality.eops.permission.grant.application.RecordTraining;
import se.municipality.eops.permission.grant.domain.GrantStatus;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.grant.domain.Trainings;
import se.municipality.eops.permission.web.FieldFindings;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.security.CurrentUser;
import se.municipality.eops.starter.web.InvalidInputException;
import se.municipality.eops.starter.web.NotFoundException;
import se.municipality.eops.starter.web.PageBounds;

/**
 * Grants, trainings and the permission check. Reading needs any token of the suite's issuer (other
 * systems call the check); recording and listing trainings need the central team's role.
 */
@RestController
class GrantController {

    private static final int MAX_COURSE = 200;
    private static final int MAX_PAGE_SIZE = 100;

    private final Grants grants;
    private final PermissionCheck check;
    private final RecordTraining recordTraining;

    private final Trainings trainings;

    GrantController(Grants grants, PermissionCheck check, RecordTraining recordTraining, Trainings trainings) {
        this.grants = grants;
        this.check = check;
        this.recordTraining = recordTraining;
        this.trainings = trainings;
    }

    @GetMapping("/api/grants/{id}")
    GrantView grant(@PathVariable String id) {
        return grants.findById(id).map(GrantView::of).orElseThrow(() -> new NotFoundException("no grant " + id));
    }

    /** Every grant of a person, whatever its status, oldest first. */
    @GetMapping("/api/grants")
    List<GrantView> grantsOf(@RequestParam String personId) {
        return grants.ofPerson(normalized(personId)).stream().map(GrantView::of).toList();
    }

    record CheckView(
            String personId, PermissionRole role, String eServiceId, Instant at, boolean allowed, List<Basis> grants) {}

    /** A grant behind a yes: {@code via} is PERSON, or GROUP with the group named. */
    record Basis(
            String grantId, String via, String groupId, String groupName, GrantStatus status, Instant validUntil) {}

    @GetMapping("/api/permissions/check")
    CheckView check(
            @RequestParam String personId,
            @RequestParam PermissionRole role,
            @RequestParam(required = false) String eServiceId) {
        if (role != PermissionRole.ADMINISTRATOR && (eServiceId == null || eServiceId.isBlank())) {
            throw new InvalidInputException(
                    "eServiceId", "is required for " + role, FieldErrorCodes.REQUIRED, Map.of("role", role.name()));
        }
        PermissionCheck.Answer answer = check.check(normalized(personId), role, eServiceId);
        return new CheckView(
                answer.personId(),
                role,
                eServiceId,
                answer.at(),
                answer.allowed(),
                answer.basis().stream()
                        .map(basis -> new Basis(
                                basis.grant().id(),
                                basis.group() == null ? "PERSON" : "GROUP",
                                basis.group() == null ? null : basis.group().id(),
                                basis.group() == null ? null : basis.group().name(),
                                basis.grant().status(),
                                basis.grant().validUntil()))
                        .toList());
    }

    record TrainingBody(String userId, String name, String email, LocalDate completedOn, String course) {}

    record TrainingView(
            String personId, LocalDate completedOn, String course, String recordedBy, int activatedGrants) {}

    /** Every field is checked before anything is refused, so the form learns all it must correct at once. */
    @PostMapping("/api/trainings")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('CENTRAL_TEAM')")
    TrainingView recordTraining(@RequestBody TrainingBody body) {
        FieldFindings findings = new FieldFindings();
        var person = new PersonInput(body.userId(), body.name(), body.email()).toPerson("person", findings);
        if (body.completedOn() == null) {
            findings.add("completedOn", "is required", FieldErrorCodes.REQUIRED);
        } else {
            findings.check(() -> recordTraining.checkCompletedOn(body.completedOn()));
        }
        if (body.course() == null || body.course().isBlank()) {
            findings.add("course", "is required", FieldErrorCodes.REQUIRED);
        } else if (body.course().length() > MAX_COURSE) {
            findings.add(
                    "course",
                    "is longer than " + MAX_COURSE + " characters",
                    FieldErrorCodes.TOO_LONG,
                    Map.of("max", MAX_COURSE));
        }
        findings.throwIfAny();
        CurrentUser user = CurrentUser.fromSecurityContext();
        Person valid = person.orElseThrow();
        RecordTraining.Recorded recorded = recordTraining.record(
                valid.personId(), valid.name(), valid.email(), body.completedOn(), body.course(), user.userId());
        return new TrainingView(
                recorded.personId(),
                recorded.training().completedOn(),
                recorded.training().course(),
                recorded.training().recordedBy(),
                recorded.activatedGrants());
    }

    /** A training on record, for the team's list. */
    record RecordedTrainingView(
            Person person, String course, LocalDate completedOn, String recordedBy, Instant recordedAt) {}

    record TrainingsPage(List<RecordedTrainingView> items, int page, int size, long total) {}

    /** The trainings on record, newest recorded first, optionally of one person ({@code userId}). */
    @GetMapping("/api/trainings")
    @PreAuthorize("hasRole('CENTRAL_TEAM')")
    TrainingsPage trainings(
            @RequestParam(required = false) String userId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageBounds.check(page, size, MAX_PAGE_SIZE);
        String personId = userId == null || userId.isBlank() ? null : PersonIds.normalize(userId);
        Trainings.Page found = trainings.list(personId, page, size);
        return new TrainingsPage(
                found.items().stream()
                        .map(recorded -> new RecordedTrainingView(
                                recorded.person(),
                                recorded.training().course(),
                                recorded.training().completedOn(),
                                recorded.training().recordedBy(),
                                recorded.training().recordedAt()))
                        .toList(),
                found.page(),
                found.size(),
                found.total());
    }

    private static String normalized(String userName) {
        if (userName == null || userName.isBlank()) {
            throw new InvalidInputException("personId", "is required", FieldErrorCodes.REQUIRED);
        }
        return PersonIds.normalize(userName);
    }
}
