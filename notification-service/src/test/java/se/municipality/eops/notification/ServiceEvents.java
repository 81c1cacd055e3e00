package se.municipality.eops.notification;

import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.EventType;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.RawKafka;

/** Publishes any contract event as its service does: on its topic, keyed by its aggregate, with CloudEvents headers. */
public final class ServiceEvents {

    private ServiceEvents() {}

    public static void publish(DomainEvent event) {
        EventType type = EventCatalog.of(event.getClass());
        RawKafka.sendEvent(type, event.aggregateId(), event.eventId().toString(), EventJson.write(event), "/eops/test");
    }
}
