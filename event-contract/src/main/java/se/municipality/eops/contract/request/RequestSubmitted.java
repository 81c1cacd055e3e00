package se.municipality.eops.contract.request;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A requester filed a request. Exactly one of {@code publication}, {@code purge} and {@code
 * permission} is set, the one that matches {@code requestType}.
 */
public record RequestSubmitted(
        UUID eventId,
        String requestId,
        Instant occurredAt,
        RequestType requestType,
        Requester requester,
        PublicationRequest publication,
        PurgeRequest purge,
        PermissionRequest permission)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
