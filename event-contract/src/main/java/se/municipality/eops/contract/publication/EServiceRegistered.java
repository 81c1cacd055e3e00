package se.municipality.eops.contract.publication;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * The central team registered an e-service that already runs on the platform, so that new-version
 * requests and editors know it. Its current version is registered as published.
 *
 * @param versionLabel the label of the version that is live
 * @param registeredBy who registered it (the token's subject)
 */
public record EServiceRegistered(
        UUID eventId,
        String eServiceId,
        Instant occurredAt,
        String eServiceName,
        String committee,
        String orderer,
        String versionLabel,
        String registeredBy)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return eServiceId;
    }
}
