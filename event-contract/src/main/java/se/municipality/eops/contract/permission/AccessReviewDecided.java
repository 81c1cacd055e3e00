package se.municipality.eops.contract.permission;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * An administrator confirmed or revoked one grant of an access review. Key = {@code reviewId}. A
 * revocation is also a {@link PermissionRevoked} with cause ACCESS_REVIEW.
 */
public record AccessReviewDecided(
        UUID eventId,
        String reviewId,
        Instant occurredAt,
        String eServiceId,
        String grantId,
        Decision decision,
        String decidedBy,
        String comment)
        implements DomainEvent {

    public enum Decision {
        CONFIRMED,
        REVOKED
    }

    @Override
    public String aggregateId() {
        return reviewId;
    }
}
