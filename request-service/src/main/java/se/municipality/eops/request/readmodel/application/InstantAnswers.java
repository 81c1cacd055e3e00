package se.municipality.eops.request.readmodel.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PermissionRequest.Change;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PublicationRequest.PublicationKind;
import se.municipality.eops.request.filing.domain.RequestDetails;
import se.municipality.eops.request.filing.domain.ServiceRequest;
import se.municipality.eops.request.readmodel.domain.Finding;
import se.municipality.eops.request.readmodel.domain.Finding.Kind;
import se.municipality.eops.request.readmodel.domain.ReadModel;
import se.municipality.eops.request.readmodel.domain.ReadModels;
import se.municipality.eops.request.readmodel.domain.SubjectKey;

/**
 * The answers given at once from the read models, before a request is stored or a draft's step is
 * saved. They are quick feedback, not the last word: the service that carries a request out still
 * decides (permission-service refuses a grant someone has with {@code ALREADY_GRANTED}), so a check a
 * read model still catching up cannot make is reported as pending rather than answered wrongly.
 */
@Service
public class InstantAnswers {

    private final ReadModels models;
    private final CatchUpStatus catchUp;

    InstantAnswers(ReadModels models, CatchUpStatus catchUp) {
        this.models = models;
        this.catchUp = catchUp;
    }

    /** The findings, and the checks not made because their read model is catching up (with the field). */
    public record Outcome(List<Finding> findings, List<Pending> pendingChecks) {

        public List<String> pending() {
            return pendingChecks.stream().map(Pending::readModel).distinct().toList();
        }
    }

    public record Pending(String readModel, String field) {}

    /**
     * At filing, before the request is stored: throws {@link AnswerProblems.Answered} with what was found, or
     * {@link AnswerProblems.ChecksPending} when a check this request needs cannot be made yet. A second open
     * request for the same thing is left to the store, whose unique index refuses it in the filing's one write
     * ({@link #openRequestFound}); it is looked up here only when something else is answered already, so that the
     * answer names everything found at once.
     */
    public void check(ServiceRequest request) {
        Outcome outcome = evaluateReadModels(request.requester().userId(), request.details());
        if (outcome.findings().isEmpty() && outcome.pendingChecks().isEmpty()) {
            return;
        }
        List<Finding> findings = new ArrayList<>(outcome.findings());
        openRequest(request.id(), request.requester().userId(), request.details())
                .ifPresent(findings::add);
        if (!findings.isEmpty()) {
            throw new AnswerProblems.Answered(findings);
        }
        throw new AnswerProblems.ChecksPending(outcome.pending());
    }

    /**
     * After the store refused {@code request} because another request for the same thing is open: throws {@link
     * AnswerProblems.Answered} naming it. Returns when there is none any more (it ended in between).
     */
    public void openRequestFound(ServiceRequest request) {
        Optional<Finding> open = openRequest(request.id(), request.requester().userId(), request.details());
        if (open.isPresent()) {
            throw new AnswerProblems.Answered(List.of(open.get()));
        }
    }

    /**
     * For a draft's step: only the answers about fields the step judges. Throws {@link
     * AnswerProblems.Answered} with what was found; checks not made yet are returned, not thrown.
     */
    public Outcome checkStep(String ownerId, RequestDetails details, Predicate<String> stepJudges) {
        Outcome outcome = evaluate(null, ownerId, details);
        List<Finding> findings = outcome.findings().stream()
                .filter(finding -> stepJudges.test(finding.field()))
                .toList();
        if (!findings.isEmpty()) {
            throw new AnswerProblems.Answered(findings);
        }
        return new Outcome(
                List.of(),
                outcome.pendingChecks().stream()
                        .filter(pending -> stepJudges.test(pending.field()))
                        .toList());
    }

    Outcome evaluate(String requestId, String requesterId, RequestDetails details) {
        Outcome outcome = evaluateReadModels(requesterId, details);
        List<Finding> findings = new ArrayList<>(outcome.findings());
        openRequest(requestId, requesterId, details).ifPresent(findings::add);
        return new Outcome(findings, outcome.pendingChecks());
    }

    /** Every answer but the open request's: those of the catalogue and the grants. */
    private Outcome evaluateReadModels(String requesterId, RequestDetails details) {
        List<Finding> findings = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        switch (details.type()) {
            case PUBLICATION -> publication(details.publication(), findings, pending);
            case PERMISSION -> permission(details.permission(), findings, pending);
            case PURGE -> {}
        }
        return new Outcome(findings, pending);
    }

    private Optional<Finding> openRequest(String requestId, String requesterId, RequestDetails details) {
        return SubjectKey.of(details)
                .flatMap(key ->
                        models.openRequest(key.key(), requestId).map(open -> openRequest(key, open, requesterId)));
    }

    private void publication(PublicationRequest publication, List<Finding> findings, List<Pending> pending) {
        if (publication != null && publication.kind() == PublicationKind.NEW_VERSION) {
            inCatalogue(publication.eServiceId(), "publication.eServiceId", "a new version of", findings, pending);
        }
    }

    private void permission(PermissionRequest permission, List<Finding> findings, List<Pending> pending) {
        if (permission == null || permission.change() != Change.GRANT || permission.role() == null) {
            return;
        }
        if (permission.role() == PermissionRole.EDITOR || permission.role() == PermissionRole.CASE_HANDLER) {
            inCatalogue(permission.eServiceId(), "permission.eServiceId", "a permission on", findings, pending);
        }
        String eServiceId = permission.eServiceId();
        if (eServiceId == null
                || permission.person() == null
                || blank(permission.person().userId())) {
            return;
        }
        String field = "permission.person.userId";
        String personId = PersonIds.normalize(permission.person().userId());
        if (permission.role() == PermissionRole.CASE_HANDLER) {
            if (!catchUp.caughtUp(ReadModel.PERMISSIONS)) {
                pending.add(new Pending(ReadModel.PERMISSIONS.label(), field));
                return;
            }
            models.directCaseHandler(eServiceId, personId, permission.validUntil())
                    .or(() -> models.caseHandlerThroughGroup(eServiceId, personId))
                    .map(grant -> caseHandler(field, personId, eServiceId, grant))
                    .ifPresent(findings::add);
        } else if (permission.role() == PermissionRole.ADMINISTRATOR) {
            if (!catchUp.caughtUp(ReadModel.PERMISSIONS)) {
                pending.add(new Pending(ReadModel.PERMISSIONS.label(), field));
                return;
            }
            models.administrator(eServiceId, personId, permission.validUntil())
                    .map(grant -> administrator(field, personId, eServiceId, grant))
                    .ifPresent(findings::add);
        }
    }

    private void inCatalogue(
            String eServiceId, String field, String what, List<Finding> findings, List<Pending> pending) {
        if (blank(eServiceId)) {
            return;
        }
        if (!catchUp.caughtUp(ReadModel.CATALOGUE)) {
            pending.add(new Pending(ReadModel.CATALOGUE.label(), field));
            return;
        }
        if (models.eService(eServiceId).isEmpty()) {
            findings.add(new Finding(
                    Kind.ESERVICE_NOT_IN_CATALOGUE,
                    field,
                    "asks for " + what + " e-service " + eServiceId
                            + ", which is not in the catalogue (neither registered nor published)",
                    Map.of("eServiceId", eServiceId)));
        }
    }

    private static Finding caseHandler(String field, String personId, String eServiceId, ReadModels.GrantHeld grant) {
        Map<String, String> found = new LinkedHashMap<>();
        found.put("personId", personId);
        found.put("eServiceId", eServiceId);
        found.put("grantId", grant.grantId());
        String message;
        if (grant.groupId() != null) {
            found.put("through", "group");
            found.put("groupId", grant.groupId());
            Optional.ofNullable(grant.groupName()).ifPresent(name -> found.put("groupName", name));
            message = personId + " already has case-handler permission on " + eServiceId + " through the group "
                    + (grant.groupName() == null ? grant.groupId() : "\"" + grant.groupName() + "\"")
                    + " (they show up in the e-service's handler search)";
        } else {
            found.put("through", "person");
            message = personId + " already has case-handler permission on " + eServiceId
                    + " (they show up in the e-service's handler search)";
        }
        return new Finding(Kind.ALREADY_CASE_HANDLER, field, message, found);
    }

    private static Finding administrator(String field, String personId, String eServiceId, ReadModels.GrantHeld grant) {
        boolean awaiting = "AWAITING_TRAINING".equals(grant.status());
        return new Finding(
                Kind.ALREADY_ADMINISTRATOR,
                field,
                awaiting
                        ? personId + " already awaits training to become administrator of " + eServiceId
                                + "; the permission activates once the training is recorded"
                        : personId + " already is administrator of " + eServiceId,
                Map.of(
                        "personId",
                        personId,
                        "eServiceId",
                        eServiceId,
                        "grantId",
                        grant.grantId(),
                        "status",
                        grant.status()));
    }

    private static Finding openRequest(SubjectKey key, ReadModels.OpenRequest open, String requesterId) {
        if (open.requesterId().equals(requesterId)) {
            return new Finding(
                    Kind.OPEN_REQUEST_EXISTS,
                    key.field(),
                    "you already asked for the same in request " + open.id() + ", which is still open (" + open.status()
                            + ")",
                    Map.of("requestId", open.id(), "status", open.status()));
        }
        // Another requester's request is theirs: say that it exists and where it stands, not which it is.
        return new Finding(
                Kind.OPEN_REQUEST_EXISTS,
                key.field(),
                "someone else already asked for the same in a request that is still open (" + open.status() + ")",
                Map.of("status", open.status()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
