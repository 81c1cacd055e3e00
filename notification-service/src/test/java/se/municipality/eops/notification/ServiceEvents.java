package se.municipality.eops.notification;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import se.municipality.eops.contract.CloudEventHeaders;
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
        RawKafka.send(
                type.topic(),
                event.aggregateId(),
                EventJson.write(event).getBytes(StandardCharsets.UTF_8),
                Map.of(
                        CloudEventHeaders.TYPE,
                        type.name(),
                        CloudEventHeaders.ID,
                        event.eventId().toString(),
                        CloudEventHeaders.SOURCE,
                        "/eops/test",
                        CloudEventHeaders.SPEC_VERSION,
                        CloudEventHeaders.SPEC_VERSION_VALUE,
                        CloudEventHeaders.CONTENT_TYPE,
                        CloudEventHeaders.JSON));
    }
}
