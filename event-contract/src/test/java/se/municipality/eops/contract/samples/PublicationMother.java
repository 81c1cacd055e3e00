package se.municipality.eops.contract.samples;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.publication.BasicInfo;
import se.municipality.eops.contract.publication.ChecklistItemRef;
import se.municipality.eops.contract.publication.EServiceInfoUpdated;
import se.municipality.eops.contract.publication.EServicePublished;
import se.municipality.eops.contract.publication.EServiceRegistered;
import se.municipality.eops.contract.publication.PublicationBlocked;
import se.municipality.eops.contract.publication.PublicationKind;
import se.municipality.eops.contract.publication.PublicationStalled;
import se.municipality.eops.contract.publication.ReviewApproved;
import se.municipality.eops.contract.publication.ReviewDecision;
import se.municipality.eops.contract.publication.ReviewDelegated;
import se.municipality.eops.contract.publication.ReviewRejected;
import se.municipality.eops.contract.publication.ReviewReminder;
import se.municipality.eops.contract.publication.ReviewRequested;
import se.municipality.eops.contract.publication.Reviewer;

/** Typical publication events, each with a fresh event id, about one e-service and one review. */
public final class PublicationMother {

    public static final String E_SERVICE_ID = RequestSubmittedMother.E_SERVICE_ID;
    public static final String E_SERVICE_NAME = RequestSubmittedMother.E_SERVICE_NAME;
    public static final String REQUEST_ID = "REQ-1A2B3C4D5E6F";
    public static final String REVIEW_ID = "rev-0b6f3a52";
    public static final Instant REQUESTED_AT = Instant.parse("2026-11-27T09:15:31Z");
    public static final Instant DECIDED_AT = Instant.parse("2026-11-27T13:40:00Z");

    private PublicationMother() {}

    public static PublicationBlocked blockedByChecklist() {
        return new PublicationBlocked(
                UUID.randomUUID(),
                E_SERVICE_ID,
                REQUESTED_AT,
                REQUEST_ID,
                E_SERVICE_NAME,
                "1.0",
                PublicationBlocked.Reason.CHECKLIST_INCOMPLETE,
                3,
                List.of(new ChecklistItemRef("test-cases", "Testärenden inskickade")),
                "1 mandatory checklist item not confirmed");
    }

    public static PublicationBlocked newVersionOfUnknownEService() {
        return new PublicationBlocked(
                UUID.randomUUID(),
                "es-unknown",
                REQUESTED_AT,
                REQUEST_ID,
                null,
                "2.0",
                PublicationBlocked.Reason.UNKNOWN_ESERVICE,
                null,
                null,
                "The catalogue has no e-service es-unknown");
    }

    public static ReviewRequested reviewRequested() {
        return new ReviewRequested(
                UUID.randomUUID(),
                E_SERVICE_ID,
                REQUESTED_AT,
                REQUEST_ID,
                REVIEW_ID,
                E_SERVICE_NAME,
                "1.0",
                "Barn- och utbildningsnämnden",
                "Skolförvaltningen",
                3,
                2,
                "anna");
    }

    public static ReviewApproved reviewApproved() {
        return new ReviewApproved(
                UUID.randomUUID(),
                E_SERVICE_ID,
                DECIDED_AT,
                REQUEST_ID,
                REVIEW_ID,
                E_SERVICE_NAME,
                "1.0",
                List.of(
                        new ReviewDecision("rolf", null, DECIDED_AT.minusSeconds(3600), "Ser bra ut"),
                        new ReviewDecision("rut", "rolf-ersattare", DECIDED_AT, null)));
    }

    public static ReviewRejected reviewRejected() {
        return new ReviewRejected(
                UUID.randomUUID(),
                E_SERVICE_ID,
                DECIDED_AT,
                REQUEST_ID,
                REVIEW_ID,
                E_SERVICE_NAME,
                "1.0",
                "rut",
                null,
                "Informationstexten saknar kontaktuppgifter");
    }

    public static ReviewReminder reviewReminder() {
        return new ReviewReminder(
                UUID.randomUUID(),
                E_SERVICE_ID,
                REQUESTED_AT.plusSeconds(3 * 24 * 3600),
                REQUEST_ID,
                REVIEW_ID,
                E_SERVICE_NAME,
                REQUESTED_AT,
                1,
                2);
    }

    /** Rolf hands his decisions to Rut for a week; publication-service knows Rut by her user id only. */
    public static ReviewDelegated reviewDelegated() {
        return new ReviewDelegated(
                UUID.randomUUID(),
                "dlg-5c1e2f3a-7b8c-4d9e-a0b1-c2d3e4f5a6b7",
                REQUESTED_AT,
                "rolf",
                "rut",
                Instant.parse("2026-11-30T00:00:00Z"),
                Instant.parse("2026-12-07T00:00:00Z"),
                new Reviewer("rolf", "Rolf Lind", "rolf.lind@kommun.example"),
                new Reviewer("rut", null, null));
    }

    /** As {@link #reviewDelegated()}, but with the delegate's name and e-mail known. */
    public static ReviewDelegated reviewDelegatedToKnownDelegate() {
        return new ReviewDelegated(
                UUID.randomUUID(),
                "dlg-6d2f3a4b-8c9d-4e0f-b1c2-d3e4f5a6b7c8",
                REQUESTED_AT,
                "rolf",
                "rut",
                Instant.parse("2026-11-30T00:00:00Z"),
                Instant.parse("2026-12-07T00:00:00Z"),
                new Reviewer("rolf", "Rolf Lind", "rolf.lind@kommun.example"),
                new Reviewer("rut", "Rut Holm", "rut.holm@kommun.example"));
    }

    public static EServicePublished newEServicePublished() {
        return new EServicePublished(
                UUID.randomUUID(),
                E_SERVICE_ID,
                DECIDED_AT.plusSeconds(60),
                REQUEST_ID,
                PublicationKind.NEW_ESERVICE,
                E_SERVICE_NAME,
                "ver-1",
                "1.0",
                REVIEW_ID,
                null);
    }

    public static EServicePublished newVersionPublished() {
        return new EServicePublished(
                UUID.randomUUID(),
                E_SERVICE_ID,
                DECIDED_AT,
                "REQ-6F5E4D3C2B1A",
                PublicationKind.NEW_VERSION,
                E_SERVICE_NAME,
                "ver-2",
                "1.1",
                null,
                "ver-1");
    }

    public static PublicationStalled publicationStalled() {
        return new PublicationStalled(
                UUID.randomUUID(),
                E_SERVICE_ID,
                DECIDED_AT.plusSeconds(24 * 3600),
                REQUEST_ID,
                REVIEW_ID,
                E_SERVICE_NAME,
                DECIDED_AT,
                24 * 60);
    }

    public static EServiceInfoUpdated infoUpdated() {
        return new EServiceInfoUpdated(
                UUID.randomUUID(),
                E_SERVICE_ID,
                DECIDED_AT,
                "chg-1",
                "fia",
                new BasicInfo("Ansök om skolskjuts.", List.of("skolskjuts"), "BankID"),
                new BasicInfo("Ansök om skolskjuts för ditt barn.", List.of("skolskjuts", "buss"), "BankID"),
                List.of("informationText", "searchKeywords"));
    }

    public static EServiceRegistered registered() {
        return new EServiceRegistered(
                UUID.randomUUID(),
                "es-1001",
                REQUESTED_AT,
                "Felanmälan gata och park",
                "Tekniska nämnden",
                "Gatuenheten",
                "3.2",
                "cecilia");
    }

    public static List<se.municipality.eops.contract.DomainEvent> everyEvent() {
        return List.of(
                blockedByChecklist(),
                newVersionOfUnknownEService(),
                reviewRequested(),
                reviewApproved(),
                reviewRejected(),
                reviewReminder(),
                reviewDelegated(),
                reviewDelegatedToKnownDelegate(),
                newEServicePublished(),
                newVersionPublished(),
                publicationStalled(),
                infoUpdated(),
                registered());
    }
}
