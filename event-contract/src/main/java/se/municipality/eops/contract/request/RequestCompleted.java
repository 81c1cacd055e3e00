package se.municipality.eops.contract.request;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A request was carried out.
 *
 * @param outcome what came of it, a short text for people (e.g. "Published version 1.0", "12 test cases purged")
 * @param causeEventType the type of the event that completed it (e.g. {@code EServicePublished})
 * @param causeEventId the id of that event
 */
public record RequestCompleted(
        UUID eventId,
        String requestId,
        Instant occurredAt,
        Requester requester,
        RequestType requestType,
        String eServiceId,
        String eServiceName,
        String outcome,
        String causeEventType,
        String causeEventId)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
