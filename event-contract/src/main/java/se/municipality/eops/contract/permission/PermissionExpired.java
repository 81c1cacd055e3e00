package se.municipality.eops.contract.permission;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A time-bounded grant reached its {@code validUntil}: its holder no longer has the role.
 *
 * @param validUntil the end of the grant's validity
 */
public record PermissionExpired(
        UUID eventId,
        String grantId,
        Instant occurredAt,
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
