package se.municipality.eops.contract.permission;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * An access review of one e-service began: its administrators ({@code reviewers}) are asked to
 * confirm or revoke each grant on the list before {@code dueAt}. Key = {@code reviewId}.
 */
public record AccessReviewStarted(
        UUID eventId,
        String reviewId,
        Instant occurredAt,
        String eServiceId,
        Instant dueAt,
        List<Person> reviewers,
        List<ReviewedGrant> grants)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return reviewId;
    }
}
