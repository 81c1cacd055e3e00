package se.municipality.eops.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event of the suite carries. The aggregate id is also the Kafka key, so the events of
 * one aggregate stay in order on their topic.
 */
public interface DomainEvent {

    /** Unique per event; consumers use it to apply an event once. */
    UUID eventId();

    /** The id of the aggregate (request, e-service, purge plan, ...) the event is about. */
    String aggregateId();

    Instant occurredAt();
}
