package se.municipality.eops.contract.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A request's status changed. Published for every change, also into a terminal status (then
 * {@link RequestRejected}, {@link RequestCompleted} or {@link RequestWithdrawn} follows as well).
 *
 * @param requester who filed the request, copied from it so consumers need no lookup
 * @param eServiceId the e-service the request is about, when it names one
 * @param sequence the timeline entry's 1-based position in the request's timeline; a later change has a higher one
 * @param actor who moved it: a user id, or the name of the service whose event moved it (e.g.
 *     {@code publication-service})
 * @param causeEventType the type of the event that moved it, if an event did
 * @param causeEventId the id of that event
 * @param reason why, for people (a rejection's or failure's reason)
 * @param missingItems for a request blocked by its checklist: the items not confirmed
 */
public record RequestStatusChanged(
        UUID eventId,
        String requestId,
        Instant occurredAt,
        Requester requester,
        RequestType requestType,
        String eServiceId,
        String eServiceName,
        RequestStatusCode fromStatus,
        RequestStatusCode toStatus,
        int sequence,
        String actor,
        String causeEventType,
        String causeEventId,
        String reason,
        List<MissingItem> missingItems)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
