package se.municipality.eops.request.live;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.request.RequestStatusChanged;
import se.municipality.eops.contract.request.RequestStatusCode;
import se.municipality.eops.contract.request.Requester;
import se.municipality.eops.contract.request.RequesterRole;
import se.municipality.eops.contract.samples.RequestLifecycleMother;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.RawKafka;

/**
 * Moves a filed request's status as the status machine does: the timeline entry is stored in the request's document
 * first, then {@code RequestStatusChanged} (the contract's sample, made about this request) goes to
 * {@code eops.request.events}, straight to the topic, so that every replica hears it from there and from nowhere else.
 */
final class StatusChanges {

    private final MongoTemplate mongo;

    StatusChanges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores the entry (the next in the timeline) and publishes its event; returns the event. */
    RequestStatusChanged change(String requestId, RequestStatusCode toStatus, String reason) {
        Document request = mongo.findById(requestId, Document.class, "requests");
        if (request == null) {
            throw new IllegalArgumentException("no request " + requestId);
        }
        List<Document> timeline = request.getList("timeline", Document.class);
        RequestStatusCode fromStatus =
                RequestStatusCode.valueOf(timeline.get(timeline.size() - 1).getString("status"));
        RequestStatusChanged event = about(requestId, timeline.size() + 1, fromStatus, toStatus, Instant.now(), reason);
        mongo.updateFirst(
                Query.query(where("_id").is(requestId)),
                new Update()
                        .push(
                                "timeline",
                                new Document("sequence", event.sequence())
                                        .append("at", Date.from(event.occurredAt()))
                                        .append("kind", "STATUS_CHANGED")
                                        .append("status", toStatus.name())
                                        .append("actor", event.actor())
                                        .append("causeEventType", event.causeEventType())
                                        .append("causeEventId", event.causeEventId())
                                        .append("reason", reason))
                        .set("status", toStatus.name()),
                "requests");
        publish(event);
        return event;
    }

    /** The contract's sample {@code RequestStatusChanged}, made about this request. */
    RequestStatusChanged about(
            String requestId,
            int sequence,
            RequestStatusCode fromStatus,
            RequestStatusCode toStatus,
            Instant at,
            String reason) {
        RequestStatusChanged sample = RequestLifecycleMother.waitingForReview();
        return new RequestStatusChanged(
                UUID.randomUUID(),
                requestId,
                at,
                requester(requestId),
                sample.requestType(),
                sample.eServiceId(),
                sample.eServiceName(),
                fromStatus,
                toStatus,
                sequence,
                sample.actor(),
                sample.causeEventType(),
                UUID.randomUUID().toString(),
                reason,
                null);
    }

    /** Publishes an event as request-service's relay would: key, JSON value, CloudEvents headers. */
    static void publish(RequestStatusChanged event) {
        RawKafka.sendEvent(
                EventCatalog.REQUEST_STATUS_CHANGED,
                event.requestId(),
                event.eventId().toString(),
                EventJson.write(event),
                "/eops/test");
    }

    private Requester requester(String requestId) {
        Document requester =
                mongo.findById(requestId, Document.class, "requests").get("requester", Document.class);
        return new Requester(
                requester.getString("userId"),
                requester.getString("name"),
                requester.getString("email"),
                RequesterRole.valueOf(requester.getString("role")));
    }
}
