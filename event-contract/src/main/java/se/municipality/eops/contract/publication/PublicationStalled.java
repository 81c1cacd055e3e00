package se.municipality.eops.contract.publication;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * An approved e-service has waited longer than the configured time for the confirmation that its
 * test cases were purged (CasesPurged); the central team follows it up. Once the confirmation comes
 * the e-service is published as usual.
 *
 * @param approvedAt when the review approved it, i.e. since when it waits
 * @param waitedMinutes how long it had waited when flagged
 */
public record PublicationStalled(
        UUID eventId,
        String eServiceId,
        Instant occurredAt,
        String requestId,
        String reviewId,
        String eServiceName,
        Instant approvedAt,
        long waitedMinutes)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return eServiceId;
    }
}
