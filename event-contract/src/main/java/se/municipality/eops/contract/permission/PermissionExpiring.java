package se.municipality.eops.contract.permission;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A time-bounded grant ends soon (a configurable time before {@code validUntil}), so that the
 * administrator can ask for an extension. Sent once per grant.
 *
 * @param validUntil when the grant will expire
 */
public record PermissionExpiring(
        UUID eventId,
        String grantId,
        Instant occurredAt,
        String requestId,
        PermissionRole role,
        String eServiceId,
        Person person,
        Group group,
        Instant validUntil)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return grantId;
    }
}
