package se.municipality.eops.starter.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.bson.Document;

/**
 * An event Kafka refused for good ({@code reason}), or one of the same aggregate waiting behind it
 * ({@code heldBehind}), as operators see it. The payload itself is left out: it may be large and
 * holds personal data; its size tells whether it is the one over Kafka's limit.
 */
public record ParkedEvent(
        String eventId,
        String type,
        String key,
        String occurredAt,
        String parkedAt,
        String reason,
        String heldBehind,
        int payloadBytes) {

    static ParkedEvent of(Document entry) {
        String payload = entry.getString("payload");
        return new ParkedEvent(
                entry.getString("eventId"),
                entry.getString("type"),
                entry.getString("key"),
                iso(entry.getDate("occurredAt")),
                iso(entry.getDate("parkedAt")),
                entry.getString("reason"),
                entry.getString("heldBehind"),
                payload == null ? 0 : payload.getBytes(StandardCharsets.UTF_8).length);
    }

    private static String iso(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
