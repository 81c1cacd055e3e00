package se.municipality.eops.starter.outbox;

/**
 * Told what the relay did with each event. The starter's metrics are one listener; a service or a
 * test may add its own bean. Called on the relay's threads: keep it quick and never throw.
 */
public interface OutboxListener {

    /** Kafka has the event; it is removed (or about to be) from its document. */
    default void published(PendingEvent event, PublicationPath path) {}

    /** Kafka refused the event for good; it waits in its document's {@code parkedEvents}. */
    default void parked(String collection, Object aggregateId, PendingEvent event, String reason) {}

    /** Publishing failed in a way that may pass (broker away, timeout); it is retried later. */
    default void failed(PendingEvent event, Throwable cause) {}
}
