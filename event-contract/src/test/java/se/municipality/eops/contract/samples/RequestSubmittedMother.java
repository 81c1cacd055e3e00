package se.municipality.eops.contract.samples;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.request.PermissionRequest;
import se.municipality.eops.contract.request.PermissionRequest.Change;
import se.municipality.eops.contract.request.PermissionRequest.HandlerGroup;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.PermissionRequest.Person;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PublicationRequest.ChecklistItem;
import se.municipality.eops.contract.request.PublicationRequest.PublicationKind;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.PurgeRequest.PurgeKind;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.contract.request.RequesterRole;

/**
 * Typical {@link RequestSubmitted} events, one per kind of request the suite handles, each with fresh
 * ids. Shared with every service's tests through this module's test-jar.
 */
public final class RequestSubmittedMother {

    public static final Instant SUBMITTED_AT = Instant.parse("2026-11-27T09:15:30.123Z");
    public static final String E_SERVICE_ID = "es-4711";
    public static final String E_SERVICE_NAME = "Skolskjuts";

    private RequestSubmittedMother() {}

    public static Requester administrator() {
        return new Requester(
                "u-anna", "Anna Andersson", "anna.andersson@kommun.example", RequesterRole.ESERVICE_ADMINISTRATOR);
    }

    public static Requester ambassador() {
        return new Requester("u-bo", null, "bo.berg@kommun.example", RequesterRole.ESERVICE_AMBASSADOR);
    }

    public static RequestSubmitted newEServicePublication() {
        return submitted(
                RequestType.PUBLICATION,
                new PublicationRequest(
                        PublicationKind.NEW_ESERVICE,
                        E_SERVICE_ID,
                        E_SERVICE_NAME,
                        "1.0",
                        "Barn- och utbildningsnämnden",
                        "Skolförvaltningen",
                        List.of(
                                new ChecklistItem("Informationstexten granskad", true),
                                new ChecklistItem("Testärenden inskickade", false)),
                        "Gärna före terminsstart."),
                null,
                null);
    }

    public static RequestSubmitted newVersionPublication() {
        return submitted(
                RequestType.PUBLICATION,
                new PublicationRequest(PublicationKind.NEW_VERSION, E_SERVICE_ID, null, "1.1", null, null, null, null),
                null,
                null);
    }

    public static RequestSubmitted testCasePurge() {
        return submitted(
                RequestType.PURGE,
                null,
                new PurgeRequest(PurgeKind.TEST_CASES, E_SERVICE_ID, E_SERVICE_NAME, null, null, null),
                null);
    }

    public static RequestSubmitted retentionPurge() {
        return submitted(
                RequestType.PURGE,
                null,
                new PurgeRequest(
                        PurgeKind.RETENTION,
                        E_SERVICE_ID,
                        E_SERVICE_NAME,
                        "Barn- och utbildningsnämnden",
                        "BUN 2025/118",
                        null),
                null);
    }

    public static RequestSubmitted administratorPermission() {
        return submitted(
                RequestType.PERMISSION,
                null,
                null,
                new PermissionRequest(
                        Change.GRANT,
                        PermissionRole.ADMINISTRATOR,
                        null,
                        null,
                        new Person("u-carl", "Carl Carlsson", "carl.carlsson@kommun.example"),
                        null,
                        null));
    }

    /** An editor for a limited time: the grant ends by itself at {@code validUntil}. */
    public static RequestSubmitted temporaryEditorPermission() {
        return submitted(
                RequestType.PERMISSION,
                null,
                null,
                new PermissionRequest(
                        Change.GRANT,
                        PermissionRole.EDITOR,
                        E_SERVICE_ID,
                        E_SERVICE_NAME,
                        new Person("u-gun", "Gun Gran", "gun.gran@kommun.example"),
                        null,
                        "Vikarie under våren",
                        java.time.Instant.parse("2027-06-30T22:00:00Z")));
    }

    public static RequestSubmitted caseHandlerGroupPermission() {
        return submitted(
                RequestType.PERMISSION,
                null,
                null,
                new PermissionRequest(
                        Change.GRANT,
                        PermissionRole.CASE_HANDLER,
                        E_SERVICE_ID,
                        E_SERVICE_NAME,
                        null,
                        new HandlerGroup(
                                "Skolskjutshandläggare",
                                List.of(new Person("u-dina", "Dina Dahl", null), new Person("u-erik", null, null))),
                        null));
    }

    public static RequestSubmitted editorRevocation() {
        return submitted(
                RequestType.PERMISSION,
                null,
                null,
                new PermissionRequest(
                        Change.REVOKE,
                        PermissionRole.EDITOR,
                        E_SERVICE_ID,
                        null,
                        new Person("u-fia", null, null),
                        null,
                        null));
    }

    public static List<RequestSubmitted> everyKind() {
        return List.of(
                newEServicePublication(),
                newVersionPublication(),
                testCasePurge(),
                retentionPurge(),
                administratorPermission(),
                temporaryEditorPermission(),
                caseHandlerGroupPermission(),
                editorRevocation());
    }

    private static RequestSubmitted submitted(
            RequestType type, PublicationRequest publication, PurgeRequest purge, PermissionRequest permission) {
        return new RequestSubmitted(
                UUID.randomUUID(),
                "req-" + UUID.randomUUID(),
                SUBMITTED_AT,
                type,
                administrator(),
                publication,
                purge,
                permission);
    }
}
