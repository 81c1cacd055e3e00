package se.municipality.eops.contract.publication;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A version of an e-service is live: a brand-new e-service after review and the purge of its test
 * cases, or a new version at once. The version published before it, if any, is superseded.
 *
 * @param versionId the catalogue's id of the published version
 * @param reviewId the review that approved it (brand-new e-services only)
 * @param supersededVersionId the version that was live before, if any
 */
public record EServicePublished(
        UUID eventId,
        String eServiceId,
        Instant occurredAt,
        String requestId,
        PublicationKind kind,
        String eServiceName,
        String versionId,
        String versionLabel,
        String reviewId,
        String supersededVersionId)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return eServiceId;
    }
}
