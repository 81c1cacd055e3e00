package se.municipality.eops.contract.permission;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * An administrator grant was decided but waits until the central team records the person's training;
 * then a {@link PermissionGranted} with the same {@code grantId} follows by itself.
 *
 * @param requestId the request the grant answers
 */
public record PermissionAwaitingTraining(
        UUID eventId,
        String grantId,
        Instant occurredAt,
        String requestId,
        PermissionRole role,
        String eServiceId,
        String eServiceName,
        Person person,
        Instant validFrom,
        Instant validUntil,
        String decidedBy)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return grantId;
    }
}
