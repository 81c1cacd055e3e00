package se.municipality.eops.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.RawKafka;

/** Publishes request events as request-service does: JSON value, CloudEvents headers, request id as key. */
public final class RequestEvents {

    private RequestEvents() {}

    /** Sends the event; sending the same event again is a redelivery (same id, headers and payload). */
    public static void publish(RequestSubmitted event) {
        RawKafka.send(
                Topics.REQUEST_EVENTS,
                event.requestId(),
                EventJson.write(event).getBytes(StandardCharsets.UTF_8),
                Map.of(
                        CloudEventHeaders.TYPE,
                        "RequestSubmitted",
                        CloudEventHeaders.ID,
                        event.eventId().toString(),
                        CloudEventHeaders.SOURCE,
                        "/eops/request-service",
                        CloudEventHeaders.SPEC_VERSION,
                        CloudEventHeaders.SPEC_VERSION_VALUE,
                        CloudEventHeaders.CONTENT_TYPE,
                        CloudEventHeaders.JSON));
    }
}
