package se.municipality.eops.contract.purge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * Registered subscribers did not acknowledge a {@code CasesPurged} batch in time: they may still hold copies of
 * purged cases. Key = {@code purgeId}.
 *
 * @param subscriberIds the registered subscribers that have not acknowledged the batch
 * @param dueBy when the acknowledgements were due
 * @param requestId the request the purge answered, if any
 */
public record PurgeAcknowledgementOverdue(
        UUID eventId,
        String purgeId,
        Instant occurredAt,
        String eServiceId,
        String requestId,
        int batchNumber,
        List<String> subscriberIds,
        Instant dueBy)
        implements DomainEvent {

    public PurgeAcknowledgementOverdue {
        subscriberIds = List.copyOf(subscriberIds);
    }

    @Override
    public String aggregateId() {
        return purgeId;
    }
}
