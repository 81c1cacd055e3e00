package se.municipality.eops.notification.receipt;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.Requester;

/** The contract's sample events, plus the variations the receipt tests need. */
public final class RequestSubmittedMother {

    /** 10:15 in Stockholm (winter time). */
    public static final Instant SUBMITTED_AT =
            se.municipality.eops.contract.samples.RequestSubmittedMother.SUBMITTED_AT;

    public static final String E_SERVICE_ID = se.municipality.eops.contract.samples.RequestSubmittedMother.E_SERVICE_ID;
    public static final String E_SERVICE_NAME =
            se.municipality.eops.contract.samples.RequestSubmittedMother.E_SERVICE_NAME;

    private RequestSubmittedMother() {}

    public static String uniqueAddress(String name) {
        return name + "+" + UUID.randomUUID() + "@kommun.example";
    }

    public static RequestSubmitted newEServicePublication() {
        return se.municipality.eops.contract.samples.RequestSubmittedMother.newEServicePublication();
    }

    public static RequestSubmitted newVersionPublication() {
        return se.municipality.eops.contract.samples.RequestSubmittedMother.newVersionPublication();
    }

    public static RequestSubmitted testCasePurge() {
        return se.municipality.eops.contract.samples.RequestSubmittedMother.testCasePurge();
    }

    public static RequestSubmitted retentionPurge() {
        return se.municipality.eops.contract.samples.RequestSubmittedMother.retentionPurge();
    }

    public static RequestSubmitted administratorPermission() {
        return se.municipality.eops.contract.samples.RequestSubmittedMother.administratorPermission();
    }

    public static RequestSubmitted caseHandlerGroupPermission() {
        return se.municipality.eops.contract.samples.RequestSubmittedMother.caseHandlerGroupPermission();
    }

    public static RequestSubmitted editorRevocation() {
        return se.municipality.eops.contract.samples.RequestSubmittedMother.editorRevocation();
    }

    /** The same event with another requester address. */
    public static RequestSubmitted to(RequestSubmitted event, String email) {
        Requester requester = new Requester(
                event.requester().userId(),
                event.requester().name(),
                email,
                event.requester().role());
        return new RequestSubmitted(
                event.eventId(),
                event.requestId(),
                event.occurredAt(),
                event.requestType(),
                requester,
                event.publication(),
                event.purge(),
                event.permission());
    }

    /** The same event from a requester without a display name. */
    public static RequestSubmitted withoutRequesterName(RequestSubmitted event) {
        Requester requester = new Requester(
                event.requester().userId(),
                null,
                event.requester().email(),
                event.requester().role());
        return new RequestSubmitted(
                event.eventId(),
                event.requestId(),
                event.occurredAt(),
                event.requestType(),
                requester,
                event.publication(),
                event.purge(),
                event.permission());
    }

    /** Another event (a new id) about the same request, hence with the same Kafka key. */
    public static RequestSubmitted anotherEventOfTheSameRequest(RequestSubmitted event, String email) {
        RequestSubmitted other = to(event, email);
        return new RequestSubmitted(
                UUID.randomUUID(),
                other.requestId(),
                Instant.now(),
                other.requestType(),
                other.requester(),
                other.publication(),
                other.purge(),
                other.permission());
    }
}
