package se.municipality.eops.contract.platform;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A subscribing system (registered with purge-service) confirms that it deleted its copies of the cases of one
 * {@code CasesPurged} batch. Key = {@code purgeId}.
 *
 * @param purgeId the purge the batch belongs to ({@code CasesPurged.purgeId})
 * @param subscriberId the confirming system, as registered with purge-service
 * @param batchNumber the batch confirmed ({@code CasesPurged.batchNumber})
 */
public record PurgeBatchAcknowledged(
        UUID eventId, String purgeId, Instant occurredAt, String subscriberId, int batchNumber) implements DomainEvent {

    @Override
    public String aggregateId() {
        return purgeId;
    }
}
