package se.municipality.eops.contract.permission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * An access review passed its deadline with grants nobody confirmed or revoked; the central team
 * follows them up. Key = {@code reviewId}.
 *
 * @param unconfirmed the grants left undecided
 * @param autoRevoked whether those grants were revoked by configuration (each also a {@link
 *     PermissionRevoked} with cause ACCESS_REVIEW_OVERDUE)
 */
public record AccessReviewOverdue(
        UUID eventId,
        String reviewId,
        Instant occurredAt,
        String eServiceId,
        Instant dueAt,
        List<ReviewedGrant> unconfirmed,
        boolean autoRevoked)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return reviewId;
    }
}
