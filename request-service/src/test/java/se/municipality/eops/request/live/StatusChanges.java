package se.municipality.eops.request.live;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.testkit.RawKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves a filed request's status as the status machine does: the timeline entry is stored in the request's document
 * first, then {@code RequestStatusChanged} (the agreed shape) goes to {@code eops.request.events}, straight to the
 * topic so that every replica hears it from there. Also publishes without storing, for what a reconnect must not
 * depend on.
 */
final class StatusChanges {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MongoTemplate mongo;

    StatusChanges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores the entry (the next in the timeline) and publishes its event; returns its sequence. */
    long change(String requestId, String toStatus, String reason) {
        Document request = mongo.findById(requestId, Document.class, "requests");
        if (request == null) {
            throw new IllegalArgumentException("no request " + requestId);
        }
        var timeline = request.getList("timeline", Document.class);
        String fromStatus = timeline.get(timeline.size() - 1).getString("status");
        long sequence = timeline.size() + 1;
        Instant at = Instant.now();
        Document entry =
                new Document("at", Date.from(at)).append("status", toStatus).append("actor", "publication-service");
        if (reason != null) {
            entry.append("note", reason);
        }
        mongo.updateFirst(
                Query.query(where("_id").is(requestId)),
                new Update().push("timeline", entry).set("status", toStatus),
                "requests");
        publish(requestId, request.get("requester", Document.class), sequence, fromStatus, toStatus, at, reason);
        return sequence;
    }

    /** Publishes a {@code RequestStatusChanged} only (the topic's view; the database is left as it is). */
    void publish(
            String requestId,
            Document requester,
            long sequence,
            String fromStatus,
            String toStatus,
            Instant at,
            String reason) {
        Map<String, Object> event = new LinkedHashMap<>();
        UUID eventId = UUID.randomUUID();
        event.put("eventId", eventId.toString());
        event.put("requestId", requestId);
        event.put("occurredAt", at.toString());
        event.put(
                "requester",
                Map.of(
                        "userId", requester.getString("userId"),
                        "name", requester.getString("name"),
                        "email", requester.getString("email"),
                        "role", requester.getString("role")));
        event.put("requestType", "PUBLICATION");
        event.put("fromStatus", fromStatus);
        event.put("toStatus", toStatus);
        event.put("sequence", sequence);
        event.put("actor", "publication-service");
        if (reason != null) {
            event.put("reason", reason);
        }
        RawKafka.send(
                Topics.REQUEST_EVENTS,
                requestId,
                JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8),
                Map.of(
                        CloudEventHeaders.TYPE, "RequestStatusChanged",
                        CloudEventHeaders.ID, eventId.toString(),
                        // Not "/eops/...": the contract has no RequestStatusChanged schema yet, and the test kit
                        // checks every event of the suite's own sources against its schema.
                        CloudEventHeaders.SOURCE, "/test/status-machine",
                        CloudEventHeaders.SPEC_VERSION, "1.0",
                        CloudEventHeaders.SUBJECT, requestId));
    }

    Document requester(String requestId) {
        return mongo.findById(requestId, Document.class, "requests").get("requester", Document.class);
    }
}
