package se.municipality.eops.contract.samples;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.request.MissingItem;
import se.municipality.eops.contract.request.RequestCommented;
import se.municipality.eops.contract.request.RequestCompleted;
import se.municipality.eops.contract.request.RequestOverdue;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestStatusChanged;
import se.municipality.eops.contract.request.RequestStatusCode;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.RequestWithdrawn;

/**
 * Typical events of a request's life after filing (status changes, rejection, completion, withdrawal, overdue,
 * comments), each with fresh ids. Shared with every service's tests through this module's test-jar.
 */
public final class RequestLifecycleMother {

    public static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    public static final String E_SERVICE_ID = RequestSubmittedMother.E_SERVICE_ID;
    public static final String E_SERVICE_NAME = RequestSubmittedMother.E_SERVICE_NAME;

    private RequestLifecycleMother() {}

    public static List<DomainEvent> everyKind() {
        return List.of(
                waitingForReview(),
                blockedByChecklist(),
                rejectedByChecklist(),
                rejectedByReviewer(),
                rejectedByTeam(),
                published(),
                testCasesPurged(),
                withdrawn(),
                overdueAndAssigned(),
                commentedByTeam());
    }

    public static RequestStatusChanged waitingForReview() {
        return new RequestStatusChanged(
                UUID.randomUUID(),
                requestId(),
                AT,
                RequestSubmittedMother.administrator(),
                RequestType.PUBLICATION,
                E_SERVICE_ID,
                E_SERVICE_NAME,
                RequestStatusCode.SUBMITTED,
                RequestStatusCode.WAITING_FOR_REVIEW,
                2,
                "publication-service",
                "ReviewRequested",
                UUID.randomUUID().toString(),
                null,
                null);
    }

    /** The status change that goes with {@link #rejectedByChecklist()}. */
    public static RequestStatusChanged blockedByChecklist() {
        return new RequestStatusChanged(
                UUID.randomUUID(),
                requestId(),
                AT,
                RequestSubmittedMother.administrator(),
                RequestType.PUBLICATION,
                E_SERVICE_ID,
                E_SERVICE_NAME,
                RequestStatusCode.SUBMITTED,
                RequestStatusCode.REJECTED,
                2,
                "publication-service",
                "PublicationBlocked",
                UUID.randomUUID().toString(),
                "Blocked by the checklist: 1 mandatory item not confirmed",
                missingTestCases());
    }

    public static RequestRejected rejectedByChecklist() {
        return new RequestRejected(
                UUID.randomUUID(),
                requestId(),
                AT,
                RequestSubmittedMother.administrator(),
                RequestType.PUBLICATION,
                E_SERVICE_ID,
                E_SERVICE_NAME,
                "publication-service",
                RequestRejected.ReasonCode.CHECKLIST_INCOMPLETE,
                "Blocked by the checklist: 1 mandatory item not confirmed",
                missingTestCases());
    }

    public static RequestRejected rejectedByReviewer() {
        return new RequestRejected(
                UUID.randomUUID(),
                requestId(),
                AT,
                RequestSubmittedMother.administrator(),
                RequestType.PUBLICATION,
                E_SERVICE_ID,
                E_SERVICE_NAME,
                "rolf",
                RequestRejected.ReasonCode.REVIEW_REJECTED,
                "Informationstexten saknar kontaktuppgifter",
                null);
    }

    public static RequestRejected rejectedByTeam() {
        return new RequestRejected(
                UUID.randomUUID(),
                requestId(),
                AT,
                RequestSubmittedMother.ambassador(),
                RequestType.PURGE,
                E_SERVICE_ID,
                null,
                "cecilia",
                RequestRejected.ReasonCode.REJECTED_BY_TEAM,
                "Gallringsbeslutet gäller inte den här e-tjänsten",
                null);
    }

    public static RequestCompleted published() {
        return new RequestCompleted(
                UUID.randomUUID(),
                requestId(),
                AT,
                RequestSubmittedMother.administrator(),
                RequestType.PUBLICATION,
                E_SERVICE_ID,
                E_SERVICE_NAME,
                "Published version 1.0",
                "EServicePublished",
                UUID.randomUUID().toString());
    }

    public static RequestCompleted testCasesPurged() {
        return new RequestCompleted(
                UUID.randomUUID(),
                requestId(),
                AT,
                RequestSubmittedMother.ambassador(),
                RequestType.PURGE,
                E_SERVICE_ID,
                null,
                "12 test cases purged",
                "PurgeCompleted",
                UUID.randomUUID().toString());
    }

    public static RequestWithdrawn withdrawn() {
        return new RequestWithdrawn(
                UUID.randomUUID(),
                requestId(),
                AT,
                RequestSubmittedMother.administrator(),
                RequestType.PERMISSION,
                E_SERVICE_ID,
                "u-anna",
                "Fel person angiven");
    }

    public static RequestOverdue overdueAndAssigned() {
        return new RequestOverdue(
                UUID.randomUUID(),
                requestId(),
                AT,
                RequestSubmittedMother.administrator(),
                RequestType.PUBLICATION,
                E_SERVICE_ID,
                RequestStatusCode.WAITING_FOR_REVIEW,
                AT.minus(Duration.ofDays(6)),
                Duration.ofDays(5),
                "cecilia",
                List.of(RequestOverdue.Reminded.CENTRAL_TEAM, RequestOverdue.Reminded.ASSIGNEE));
    }

    public static RequestCommented commentedByTeam() {
        return new RequestCommented(
                UUID.randomUUID(),
                requestId(),
                AT,
                RequestSubmittedMother.administrator(),
                "c-1",
                "cecilia",
                RequestCommented.AuthorRole.CENTRAL_TEAM,
                "Vi har påmint referensgruppen.");
    }

    private static List<MissingItem> missingTestCases() {
        return List.of(new MissingItem("test-cases", "Testärenden är inskickade och kontrollerade"));
    }

    private static String requestId() {
        return "REQ-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
    }
}
