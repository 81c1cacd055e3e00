package se.municipality.eops.notification;

import org.apache.kafka.clients.producer.RecordMetadata;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.EventType;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.ConsumerGroups;
import se.municipality.eops.testkit.RawKafka;

/** Publishes any contract event as its service does: on its topic, keyed by its aggregate, with CloudEvents headers. */
public final class ServiceEvents {

    /** The service's consumer group on every topic it reads. */
    public static final String GROUP = "notification-service";

    private ServiceEvents() {}

    /** Sends the event; sending the same event again is a redelivery. Answers where it landed. */
    public static RecordMetadata publish(DomainEvent event) {
        EventType type = EventCatalog.of(event.getClass());
        return RawKafka.sendEvent(
                type, event.aggregateId(), event.eventId().toString(), EventJson.write(event), "/eops/test");
    }

    /** Waits until the service has handled (and committed) this very record, a redelivery included. */
    public static void awaitHandled(RecordMetadata record) {
        ConsumerGroups.awaitConsumed(GROUP, record);
    }
}
