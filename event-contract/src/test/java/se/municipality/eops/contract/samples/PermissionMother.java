package se.municipality.eops.contract.samples;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.permission.AccessReviewDecided;
import se.municipality.eops.contract.permission.AccessReviewOverdue;
import se.municipality.eops.contract.permission.AccessReviewStarted;
import se.municipality.eops.contract.permission.Group;
import se.municipality.eops.contract.permission.HandlerGroupChanged;
import se.municipality.eops.contract.permission.HandlerGroupChanged.GroupChange;
import se.municipality.eops.contract.permission.PermissionAwaitingTraining;
import se.municipality.eops.contract.permission.PermissionExpired;
import se.municipality.eops.contract.permission.PermissionExpiring;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.contract.permission.PermissionRequestRefused;
import se.municipality.eops.contract.permission.PermissionRequestRefused.Change;
import se.municipality.eops.contract.permission.PermissionRequestRefused.ReasonCode;
import se.municipality.eops.contract.permission.PermissionRevoked;
import se.municipality.eops.contract.permission.PermissionRevoked.RevocationCause;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.contract.permission.ReviewedGrant;
import se.municipality.eops.contract.permission.TrainingCompleted;

/** Typical permission events, each with fresh ids. */
public final class PermissionMother {

    public static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    public static final Instant UNTIL = Instant.parse("2027-06-30T22:00:00Z");
    public static final String E_SERVICE_ID = "es-1001";

    private PermissionMother() {}

    public static Person carl() {
        return new Person("carl", "Carl Carlsson", "carl.carlsson@kommun.example");
    }

    public static Person dina() {
        return new Person("dina", "Dina Dahl", null);
    }

    public static Group handlers() {
        return new Group("hg-" + UUID.randomUUID(), "Parkeringshandläggare");
    }

    public static PermissionAwaitingTraining administratorAwaitingTraining() {
        return new PermissionAwaitingTraining(
                UUID.randomUUID(),
                grantId(),
                AT,
                requestId(),
                PermissionRole.ADMINISTRATOR,
                E_SERVICE_ID,
                "Parkeringstillstånd",
                carl(),
                null,
                null,
                "cecilia");
    }

    public static TrainingCompleted trainingCompleted() {
        return new TrainingCompleted(
                UUID.randomUUID(),
                "carl",
                AT,
                "Carl Carlsson",
                "carl.carlsson@kommun.example",
                LocalDate.parse("2026-11-26"),
                "E-tjänsteadministratör grundkurs",
                "cecilia",
                List.of(grantId()));
    }

    public static PermissionGranted administratorGrantedAfterTraining() {
        return new PermissionGranted(
                UUID.randomUUID(),
                grantId(),
                AT,
                requestId(),
                PermissionRole.ADMINISTRATOR,
                E_SERVICE_ID,
                "Parkeringstillstånd",
                carl(),
                null,
                null,
                null,
                "cecilia",
                LocalDate.parse("2026-11-26"));
    }

    public static PermissionGranted timeBoundEditorGranted() {
        return new PermissionGranted(
                UUID.randomUUID(),
                grantId(),
                AT,
                requestId(),
                PermissionRole.EDITOR,
                E_SERVICE_ID,
                null,
                dina(),
                null,
                AT,
                UNTIL,
                "anna",
                null);
    }

    public static PermissionGranted handlerGroupGranted() {
        return new PermissionGranted(
                UUID.randomUUID(),
                grantId(),
                AT,
                requestId(),
                PermissionRole.CASE_HANDLER,
                E_SERVICE_ID,
                null,
                null,
                handlers(),
                null,
                null,
                "anna",
                null);
    }

    public static PermissionRevoked editorRevokedOnRequest() {
        return new PermissionRevoked(
                UUID.randomUUID(),
                grantId(),
                AT,
                requestId(),
                PermissionRole.EDITOR,
                E_SERVICE_ID,
                dina(),
                null,
                "anna",
                RevocationCause.REQUEST,
                "Requested");
    }

    public static PermissionExpiring editorExpiring() {
        return new PermissionExpiring(
                UUID.randomUUID(),
                grantId(),
                AT,
                requestId(),
                PermissionRole.EDITOR,
                E_SERVICE_ID,
                dina(),
                null,
                UNTIL);
    }

    public static PermissionExpired handlerGroupExpired() {
        return new PermissionExpired(
                UUID.randomUUID(),
                grantId(),
                UNTIL,
                PermissionRole.CASE_HANDLER,
                E_SERVICE_ID,
                null,
                handlers(),
                UNTIL);
    }

    public static PermissionRequestRefused alreadyGranted() {
        return new PermissionRequestRefused(
                UUID.randomUUID(),
                requestId(),
                AT,
                ReasonCode.ALREADY_GRANTED,
                "dina already holds EDITOR on es-1001",
                Change.GRANT,
                PermissionRole.EDITOR,
                E_SERVICE_ID,
                dina(),
                null,
                grantId());
    }

    public static PermissionRequestRefused groupRoleNotAllowed() {
        return new PermissionRequestRefused(
                UUID.randomUUID(),
                requestId(),
                AT,
                ReasonCode.GROUP_ROLE_NOT_ALLOWED,
                "Groups hold the case-handler role only",
                Change.GRANT,
                PermissionRole.EDITOR,
                E_SERVICE_ID,
                null,
                handlers(),
                null);
    }

    public static HandlerGroupChanged handlerGroupCreated() {
        return new HandlerGroupChanged(
                UUID.randomUUID(),
                "hg-" + UUID.randomUUID(),
                AT,
                requestId(),
                E_SERVICE_ID,
                "Parkeringshandläggare",
                GroupChange.CREATED,
                null,
                List.of(dina(), carl()),
                List.of(),
                List.of(dina(), carl()),
                "anna");
    }

    public static HandlerGroupChanged memberRemoved() {
        return new HandlerGroupChanged(
                UUID.randomUUID(),
                "hg-" + UUID.randomUUID(),
                AT,
                null,
                E_SERVICE_ID,
                "Parkeringshandläggare",
                GroupChange.MEMBERS_REMOVED,
                null,
                List.of(),
                List.of(carl()),
                List.of(dina()),
                "anna");
    }

    public static AccessReviewStarted accessReviewStarted() {
        return new AccessReviewStarted(
                UUID.randomUUID(),
                "ar-" + UUID.randomUUID(),
                AT,
                E_SERVICE_ID,
                AT.plusSeconds(14 * 86_400),
                List.of(new Person("anna", "Anna Andersson", "anna.andersson@kommun.example")),
                List.of(
                        new ReviewedGrant(grantId(), PermissionRole.EDITOR, dina(), null, UNTIL),
                        new ReviewedGrant(grantId(), PermissionRole.CASE_HANDLER, null, handlers(), null)));
    }

    public static AccessReviewDecided accessReviewConfirmed() {
        return new AccessReviewDecided(
                UUID.randomUUID(),
                "ar-" + UUID.randomUUID(),
                AT,
                E_SERVICE_ID,
                grantId(),
                AccessReviewDecided.Decision.CONFIRMED,
                "anna",
                null);
    }

    public static AccessReviewOverdue accessReviewOverdue() {
        return new AccessReviewOverdue(
                UUID.randomUUID(),
                "ar-" + UUID.randomUUID(),
                AT,
                E_SERVICE_ID,
                AT.minusSeconds(60),
                List.of(new ReviewedGrant(grantId(), PermissionRole.EDITOR, dina(), null, null)),
                false);
    }

    public static List<DomainEvent> everyKind() {
        return List.of(
                administratorAwaitingTraining(),
                trainingCompleted(),
                administratorGrantedAfterTraining(),
                timeBoundEditorGranted(),
                handlerGroupGranted(),
                editorRevokedOnRequest(),
                editorExpiring(),
                handlerGroupExpired(),
                alreadyGranted(),
                groupRoleNotAllowed(),
                handlerGroupCreated(),
                memberRemoved(),
                accessReviewStarted(),
                accessReviewConfirmed(),
                accessReviewOverdue());
    }

    private static String grantId() {
        return "gr-" + UUID.randomUUID();
    }

    private static String requestId() {
        return "REQ-" + UUID.randomUUID();
    }
}
