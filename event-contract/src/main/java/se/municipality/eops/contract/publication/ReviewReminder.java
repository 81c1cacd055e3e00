package se.municipality.eops.contract.publication;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A review has waited longer than the configured time without a decision; the reference group is
 * reminded (notification-service tells the reviewers).
 *
 * @param requestedAt when the review was requested
 * @param approvals how many approvals it has so far
 * @param quorum how many it needs
 */
public record ReviewReminder(
        UUID eventId,
        String eServiceId,
        Instant occurredAt,
        String requestId,
        String reviewId,
        String eServiceName,
        Instant requestedAt,
        int approvals,
        int quorum)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return eServiceId;
    }
}
