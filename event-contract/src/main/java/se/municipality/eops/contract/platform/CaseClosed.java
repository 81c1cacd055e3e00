package se.municipality.eops.contract.platform;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A case was closed (decided, withdrawn or otherwise finished) on the e-service platform.
 *
 * @param closedAt when it was closed; starts the retention clock of rules counting from closure
 */
public record CaseClosed(UUID eventId, String caseId, Instant occurredAt, String eServiceId, Instant closedAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return caseId;
    }
}
