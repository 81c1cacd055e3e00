package se.municipality.eops.contract.publication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * The reference group approved a brand-new e-service (a quorum of approvals, no rejection).
 * purge-service then purges the e-service's test cases and copies {@code reviewId} into its
 * CasesPurged, after which publication-service publishes the e-service.
 *
 * @param reviewId the correlation id purge-service copies into CasesPurged
 * @param approvals the approvals that made the quorum, in the order they were given
 */
public record ReviewApproved(
        UUID eventId,
        String eServiceId,
        Instant occurredAt,
        String requestId,
        String reviewId,
        String eServiceName,
        String versionLabel,
        List<ReviewDecision> approvals)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return eServiceId;
    }
}
