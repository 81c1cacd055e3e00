package se.municipality.eops.contract.request;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * The requester withdrew a request before it was carried out.
 *
 * @param withdrawnBy the user id of who withdrew it (the requester)
 * @param reason why, if they said
 */
public record RequestWithdrawn(
        UUID eventId,
        String requestId,
        Instant occurredAt,
        Requester requester,
        RequestType requestType,
        String eServiceId,
        String withdrawnBy,
        String reason)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
