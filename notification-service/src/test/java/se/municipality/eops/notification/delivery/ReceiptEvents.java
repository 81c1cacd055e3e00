package se.municipality.eops.notification.delivery;

import java.util.UUID;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.Requester;

/** Variations of the contract's sample events that the receipt tests need. */
public final class ReceiptEvents {

    private ReceiptEvents() {}

    public static String uniqueAddress(String name) {
        return name + "+" + UUID.randomUUID() + "@kommun.example";
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
}
