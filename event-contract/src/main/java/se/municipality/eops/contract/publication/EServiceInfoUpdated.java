package se.municipality.eops.contract.publication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * An editor (or the central team) changed an e-service's basic information.
 *
 * @param changeId the entry in the e-service's change log
 * @param editedBy who changed it (the token's subject)
 * @param changedFields the names of the fields of {@link BasicInfo} that changed
 */
public record EServiceInfoUpdated(
        UUID eventId,
        String eServiceId,
        Instant occurredAt,
        String changeId,
        String editedBy,
        BasicInfo before,
        BasicInfo after,
        List<String> changedFields)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return eServiceId;
    }
}
