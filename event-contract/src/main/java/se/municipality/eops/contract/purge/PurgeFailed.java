package se.municipality.eops.contract.purge;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A purge could not be made, e.g. a RETENTION request named no retention rule the e-service has. Nothing was
 * deleted by it. Key = {@code purgeId}.
 *
 * @param requestId the request the purge answered, if any
 * @param failure why, in words for the central team (no personal data)
 */
public record PurgeFailed(
        UUID eventId,
        String purgeId,
        Instant occurredAt,
        PurgeReason reason,
        String eServiceId,
        String requestId,
        String reviewId,
        String failure)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return purgeId;
    }
}
