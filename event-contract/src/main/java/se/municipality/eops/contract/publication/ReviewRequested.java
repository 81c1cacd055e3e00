package se.municipality.eops.contract.publication;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A brand-new e-service passed the checklist and waits for the reference group's review.
 *
 * @param reviewId the review's id; later review events and purge-service's CasesPurged carry it
 * @param checklistVersion the checklist version the request was judged against
 * @param quorum how many approvals approve it (one rejection rejects)
 * @param requesterId who filed the request (the token's subject)
 */
public record ReviewRequested(
        UUID eventId,
        String eServiceId,
        Instant occurredAt,
        String requestId,
        String reviewId,
        String eServiceName,
        String versionLabel,
        String committee,
        String orderer,
        Integer checklistVersion,
        int quorum,
        String requesterId)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return eServiceId;
    }
}
