package se.municipality.eops.notification.rules.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.municipality.eops.notification.rules.domain.AwaitingRequester;
import se.municipality.eops.notification.rules.domain.AwaitingRequesters;

/** The waiting events in the collection {@value #COLLECTION}, keyed by event id (an upsert: a redelivery keeps one). */
public class MongoAwaitingRequesters implements AwaitingRequesters {

    static final String COLLECTION = "awaiting_requester";

    private final MongoTemplate mongo;

    public MongoAwaitingRequesters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void add(AwaitingRequester awaiting) {
        mongo.upsert(
                byId(awaiting.id()),
                new Update()
                        .setOnInsert("requestId", awaiting.requestId())
                        .setOnInsert("eventType", awaiting.eventType())
                        .setOnInsert("eventId", awaiting.eventId().toString())
                        .setOnInsert("templates", awaiting.templates())
                        .setOnInsert("fields", new Document(awaiting.fields())),
                COLLECTION);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<AwaitingRequester> forRequest(String requestId) {
        return mongo.find(Query.query(Criteria.where("requestId").is(requestId)), Document.class, COLLECTION).stream()
                .map(document -> new AwaitingRequester(
                        document.getString("_id"),
                        document.getString("requestId"),
                        document.getString("eventType"),
                        UUID.fromString(document.getString("eventId")),
                        document.getList("templates", String.class),
                        (Map<String, Object>) document.get("fields", Document.class)))
                .toList();
    }

    @Override
    public void remove(String id) {
        mongo.remove(byId(id), COLLECTION);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
