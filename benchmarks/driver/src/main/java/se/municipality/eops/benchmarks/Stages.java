package se.municipality.eops.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Where the time of POST → {@code NotificationSent} goes, per request, from timestamps the suite leaves anyway (all
 * wall-clock milliseconds of the one machine): the POST sent; {@code RequestSubmitted}'s {@code occurredAt} (request
 * stored) and its Kafka record time (request-service's outbox relay sent it); the notification's {@code createdAt}
 * in notification-service's database (its consumer recorded it); {@code NotificationSent}'s {@code occurredAt} (the
 * mail server accepted the mail) and its Kafka record time (notification-service's relay sent it); the moment the
 * benchmark read it.
 */
final class Stages {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The stage names, in path order; each runs from the previous mark to its own. */
    static final List<String> NAMES =
            List.of("intake", "request_relay", "consumer", "sender", "notification_relay", "kafka_read");

    private final Map<String, Long> posted = new ConcurrentHashMap<>();
    private final Map<String, long[]> submitted = new ConcurrentHashMap<>();
    private final Map<String, long[]> sent = new ConcurrentHashMap<>();
    private final Map<String, String> notificationOf = new ConcurrentHashMap<>();

    void posted(String requestId, long wallMillis) {
        posted.put(requestId, wallMillis);
    }

    /** A record of {@code eops.request.events}; only {@code RequestSubmitted} counts. */
    void requestEvent(String type, String json, long recordTimestamp) {
        if (type == null || !type.contains("RequestSubmitted")) {
            return;
        }
        JsonNode event = read(json);
        if (event != null && event.hasNonNull("requestId") && event.hasNonNull("occurredAt")) {
            submitted.putIfAbsent(
                    event.get("requestId").asText(),
                    new long[] {millis(event.get("occurredAt").asText()), recordTimestamp});
        }
    }

    /** The first {@code NotificationSent} of a request (the one the latency row measures). */
    void notificationSent(String requestId, String json, long recordTimestamp, long readMillis) {
        JsonNode event = read(json);
        if (event == null || !event.hasNonNull("occurredAt") || sent.containsKey(requestId)) {
            return;
        }
        sent.putIfAbsent(requestId, new long[] {millis(event.get("occurredAt").asText()), recordTimestamp, readMillis});
        notificationOf.putIfAbsent(
                requestId,
                event.path("notificationId").asText() + "|"
                        + event.path("template").asText());
    }

    /**
     * Per stage the p50 and p99 in ms over the measured requests, recorded as {@code latency.stage.<name>.p50_ms};
     * also prints them with which templates the measured events were.
     */
    void report(Suite suite, Iterable<String> measured) {
        Map<String, LongSamples> samples = new LinkedHashMap<>();
        NAMES.forEach(name -> samples.put(name, new LongSamples()));
        Map<String, Integer> templates = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (String requestId : measured) {
            if (posted.containsKey(requestId) && submitted.containsKey(requestId) && sent.containsKey(requestId)) {
                ids.add(notificationOf.get(requestId).split("\\|")[0]);
            }
        }
        Map<String, Long> recordedAt = createdAt(suite, ids);
        int complete = 0;
        for (String requestId : measured) {
            Long post = posted.get(requestId);
            long[] sub = submitted.get(requestId);
            long[] out = sent.get(requestId);
            if (post == null || sub == null || out == null) {
                continue;
            }
            String[] notification = notificationOf.get(requestId).split("\\|");
            Long recorded = recordedAt.get(notification[0]);
            if (recorded == null) {
                continue;
            }
            templates.merge(notification.length > 1 ? notification[1] : "?", 1, Integer::sum);
            long[] marks = {post, sub[0], sub[1], recorded, out[0], out[1], out[2]};
            for (int i = 0; i < NAMES.size(); i++) {
                samples.get(NAMES.get(i)).add(marks[i + 1] - marks[i]);
            }
            complete++;
        }
        System.out.printf("  stages of %d requests (first NotificationSent's template: %s):%n", complete, templates);
        suite.record("latency.stages.requests", complete);
        samples.forEach((name, values) -> {
            Percentiles p = Percentiles.of(values.toArray());
            System.out.printf("    %-20s p50 %6d ms  p99 %6d ms%n", name, p.at(50), p.at(99));
            suite.record("latency.stage." + name + ".p50_ms", p.at(50));
            suite.record("latency.stage." + name + ".p99_ms", p.at(99));
        });
    }

    /** When notification-service recorded each notification ({@code createdAt}), by id. */
    static Map<String, Long> createdAt(Suite suite, List<String> notificationIds) {
        Map<String, Long> created = new LinkedHashMap<>();
        if (notificationIds.isEmpty()) {
            return created;
        }
        try (MongoClient client = MongoClients.create(suite.mongoUri())) {
            for (Document document : client.getDatabase("eops-notification")
                    .getCollection("notifications")
                    .find(Filters.in("_id", notificationIds))
                    .projection(new Document("createdAt", 1))) {
                if (document.get("createdAt") instanceof Date date) {
                    created.put(document.getString("_id"), date.getTime());
                }
            }
        } catch (RuntimeException unreadable) {
            System.out.println("  cannot read notification-service's notifications: " + unreadable);
        }
        return created;
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception notJson) {
            return null;
        }
    }
}
