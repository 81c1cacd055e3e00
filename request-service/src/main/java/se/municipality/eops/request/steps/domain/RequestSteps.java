package se.municipality.eops.request.steps.domain;

import static se.municipality.eops.request.filing.domain.RequestRules.MAX_CHECKLIST_ITEM;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_CHECKLIST_ITEMS;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_CHECKLIST_ITEM_ID;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_EMAIL;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_E_SERVICE_ID;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_GROUP_MEMBERS;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_MESSAGE;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_NAME;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_USER_ID;
import static se.municipality.eops.request.filing.domain.RequestRules.MAX_VERSION_LABEL;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.municipality.eops.contract.request.PermissionRequest.Change;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.PublicationRequest.PublicationKind;
import se.municipality.eops.contract.request.PurgeRequest.PurgeKind;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.request.filing.domain.FieldViolation;

/**
 * The form's steps per request type, in order. Limits come from {@code RequestRules}' constants and
 * choices from the contract's enums; which field is required is checked against the rules by
 * {@code RequestStepsTest}, so a step never promises what filing would refuse.
 */
public final class RequestSteps {

    /** A request type as the form offers it. */
    public record TypeDescription(RequestType type, Label label, List<Step> steps) {}

    private static final Step PUBLICATION_ESERVICE = new Step(
            "eservice",
            new Label("E-tjänst", "E-service"),
            List.of(
                    StepField.choice(
                            "publication.kind",
                            "Ny e-tjänst eller ny version",
                            "New e-service or new version",
                            PublicationKind.class),
                    StepField.id("publication.eServiceId", "E-tjänstens id", "E-service id", true, MAX_E_SERVICE_ID),
                    StepField.text("publication.eServiceName", "E-tjänstens namn", "E-service name", true, MAX_NAME),
                    StepField.text("publication.versionLabel", "Version", "Version", true, MAX_VERSION_LABEL)
                            .requiredWhen("publication.kind", PublicationKind.NEW_VERSION.name())));

    private static final Step PUBLICATION_RESPONSIBILITY = new Step(
            "responsibility",
            new Label("Ansvar", "Responsibility"),
            List.of(
                    StepField.text("publication.committee", "Ansvarig nämnd", "Responsible committee", true, MAX_NAME)
                            .requiredWhen("publication.kind", PublicationKind.NEW_ESERVICE.name()),
                    StepField.text("publication.orderer", "Beställare", "Orderer", true, MAX_NAME)
                            .requiredWhen("publication.kind", PublicationKind.NEW_ESERVICE.name())));

    /**
     * The checklist's items, and which of them are mandatory, are publication-service's (its checklist in force,
     * {@code GET /api/checklist}, {@code mandatory}); this service keeps no copy of it, so the step can only say the
     * rule in words. publication-service blocks a new e-service with a mandatory item not done.
     */
    static final Label CHECKLIST_RULE = new Label(
            "Krävs för en ny e-tjänst: varje obligatorisk punkt i checklistan ska vara klar, annars stoppas begäran."
                    + " Punkter som inte är obligatoriska får lämnas. Behövs inte för en ny version.",
            "Required for a new e-service: every mandatory item of the checklist must be done, or the request is"
                    + " stopped. Items that are not mandatory may be left. Not needed for a new version.");

    private static final Step PUBLICATION_CHECKLIST = new Step(
            "checklist",
            new Label("Checklista", "Checklist"),
            List.of(new StepField(
                            "publication.checklist",
                            new Label("Checklista före publicering", "Checklist before publication"),
                            FieldType.LIST,
                            false,
                            null,
                            null,
                            MAX_CHECKLIST_ITEMS,
                            null,
                            List.of(
                                    StepField.id("itemId", "Punktens id", "Item id", false, MAX_CHECKLIST_ITEM_ID),
                                    StepField.text("item", "Punkt", "Item", true, MAX_CHECKLIST_ITEM),
                                    new StepField(
                                            "done",
                                            new Label("Klar", "Done"),
                                            FieldType.BOOLEAN,
                                            true,
                                            null,
                                            null,
                                            null,
                                            null,
                                            null)))
                    .requiredWhen("publication.kind", PublicationKind.NEW_ESERVICE.name())),
            List.of(CHECKLIST_RULE),
            List.of());

    private static final Step PURGE_ESERVICE = new Step(
            "eservice",
            new Label("E-tjänst", "E-service"),
            List.of(
                    StepField.choice(
                            "purge.kind",
                            "Testärenden eller gallring enligt plan",
                            "Test cases or retention",
                            PurgeKind.class),
                    StepField.id("purge.eServiceId", "E-tjänstens id", "E-service id", true, MAX_E_SERVICE_ID),
                    StepField.text("purge.eServiceName", "E-tjänstens namn", "E-service name", true, MAX_NAME)));

    private static final Step PURGE_DECISION = new Step(
            "decision",
            new Label("Gallringsbeslut", "Purge decision"),
            List.of(
                    StepField.text("purge.committee", "Ansvarig nämnd", "Responsible committee", true, MAX_NAME)
                            .requiredWhen("purge.kind", PurgeKind.RETENTION.name()),
                    StepField.text(
                                    "purge.purgeDecisionReference",
                                    "Gallringsbeslutets diarienummer",
                                    "Reference of the purge decision",
                                    true,
                                    MAX_NAME)
                            .requiredWhen("purge.kind", PurgeKind.RETENTION.name())));

    private static final Step PERMISSION_WHAT = new Step(
            "permission",
            new Label("Behörighet", "Permission"),
            List.of(
                    StepField.choice("permission.change", "Ge eller ta bort", "Grant or revoke", Change.class),
                    StepField.choice("permission.role", "Behörighet", "Role", PermissionRole.class),
                    StepField.id("permission.eServiceId", "E-tjänstens id", "E-service id", true, MAX_E_SERVICE_ID),
                    StepField.text("permission.eServiceName", "E-tjänstens namn", "E-service name", true, MAX_NAME),
                    new StepField(
                            "permission.validUntil",
                            new Label("Gäller till (endast vid tilldelning)", "Valid until (a grant only)"),
                            FieldType.INSTANT,
                            false,
                            null,
                            null,
                            null,
                            null,
                            null)));

    private static List<StepField> personFields() {
        return List.of(
                StepField.text("userId", "Användarnamn", "User name", true, MAX_USER_ID),
                StepField.text("name", "Namn", "Name", true, MAX_NAME),
                StepField.email("email", "E-postadress", "E-mail address", MAX_EMAIL));
    }

    private static final Step PERMISSION_HOLDER = new Step(
            "holder",
            new Label("Vem", "Who"),
            List.of(
                    new StepField(
                            "permission.person",
                            new Label("En person", "One person"),
                            FieldType.OBJECT,
                            false,
                            null,
                            null,
                            null,
                            null,
                            personFields()),
                    new StepField(
                            "permission.group",
                            new Label("En grupp av handläggare", "A group of case handlers"),
                            FieldType.OBJECT,
                            false,
                            null,
                            null,
                            null,
                            null,
                            List.of(
                                    StepField.text("name", "Gruppens namn", "Group name", true, MAX_NAME),
                                    new StepField(
                                            "members",
                                            new Label("Medlemmar", "Members"),
                                            FieldType.LIST,
                                            true,
                                            null,
                                            null,
                                            MAX_GROUP_MEMBERS,
                                            null,
                                            personFields())))),
            List.of(new Label(
                    "Ange antingen en person eller en grupp; en grupp kan bara få handläggarbehörighet",
                    "Give either a person or a group; only case-handler permission goes to a group")),
            List.of("permission"));

    private static final Map<RequestType, TypeDescription> TYPES = Map.of(
            RequestType.PUBLICATION,
            new TypeDescription(
                    RequestType.PUBLICATION,
                    new Label("Publicering", "Publication"),
                    List.of(
                            PUBLICATION_ESERVICE,
                            PUBLICATION_RESPONSIBILITY,
                            PUBLICATION_CHECKLIST,
                            messageStep("publication.message"))),
            RequestType.PURGE,
            new TypeDescription(
                    RequestType.PURGE,
                    new Label("Gallring", "Purge"),
                    List.of(PURGE_ESERVICE, PURGE_DECISION, messageStep("purge.message"))),
            RequestType.PERMISSION,
            new TypeDescription(
                    RequestType.PERMISSION,
                    new Label("Behörigheter", "Permissions"),
                    List.of(PERMISSION_WHAT, PERMISSION_HOLDER, messageStep("permission.message"))));

    private RequestSteps() {}

    private static Step messageStep(String field) {
        return new Step("message", new Label("Meddelande", "Message"), List.of(StepField.message(field, MAX_MESSAGE)));
    }

    public static List<TypeDescription> types() {
        return List.of(
                TYPES.get(RequestType.PUBLICATION), TYPES.get(RequestType.PURGE), TYPES.get(RequestType.PERMISSION));
    }

    public static List<Step> of(RequestType type) {
        return TYPES.get(type).steps();
    }

    public static Optional<Step> step(RequestType type, String stepId) {
        return of(type).stream().filter(step -> step.id().equals(stepId)).findFirst();
    }

    /** The first step with a broken rule, with its own broken rules; empty when every step is fine. */
    public static Optional<Judged> firstIncomplete(RequestType type, List<FieldViolation> violations) {
        for (Step step : of(type)) {
            List<FieldViolation> own = step.own(violations);
            if (!own.isEmpty()) {
                return Optional.of(new Judged(step, own));
            }
        }
        return Optional.empty();
    }

    /** A step and the broken rules of its fields. */
    public record Judged(Step step, List<FieldViolation> violations) {}
}
