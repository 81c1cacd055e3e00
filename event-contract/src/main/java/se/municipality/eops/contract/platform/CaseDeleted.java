package se.municipality.eops.contract.platform;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * The platform deleted a case itself (not by a purge of the suite), so it is no longer anyone's to purge.
 *
 * @param deletedAt when the platform deleted it
 */
public record CaseDeleted(UUID eventId, String caseId, Instant occurredAt, String eServiceId, Instant deletedAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return caseId;
    }
}
