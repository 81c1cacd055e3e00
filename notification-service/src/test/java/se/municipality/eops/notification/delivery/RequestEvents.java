package se.municipality.eops.notification.delivery;

import org.apache.kafka.clients.producer.RecordMetadata;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.RawKafka;

/** Publishes request events as request-service does: JSON value, CloudEvents headers, request id as key. */
public final class RequestEvents {

    private RequestEvents() {}

    /** Sends the event; sending the same event again is a redelivery (same id, headers and payload). */
    public static RecordMetadata publish(RequestSubmitted event) {
        return RawKafka.sendEvent(
                EventCatalog.REQUEST_SUBMITTED,
                event.requestId(),
                event.eventId().toString(),
                EventJson.write(event),
                "/eops/request-service");
    }
}
