package se.municipality.eops.contract.publication;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A reviewer of the reference group rejected a brand-new e-service; one rejection ends the review.
 *
 * @param reviewerId who rejected it (the token's subject)
 * @param onBehalfOf the reviewer who had delegated the decision to {@code reviewerId}, if any
 * @param reason why, for the requester
 */
public record ReviewRejected(
        UUID eventId,
        String eServiceId,
        Instant occurredAt,
        String requestId,
        String reviewId,
        String eServiceName,
        String versionLabel,
        String reviewerId,
        String onBehalfOf,
        String reason)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return eServiceId;
    }
}
