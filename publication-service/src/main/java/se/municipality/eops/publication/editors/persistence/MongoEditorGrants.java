package se.municipality.eops.publication.editors.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import se.municipality.eops.contract.permission.PermissionExpired;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.contract.permission.PermissionRevoked;
import se.municipality.eops.publication.editors.domain.EditorGrant;
import se.municipality.eops.publication.editors.domain.EditorGrants;
import se.municipality.eops.starter.messaging.EventEffects;
import se.municipality.eops.starter.messaging.IncomingEvent;

/**
 * One document per grant ({@code _id} = grantId). Each permission event is one upsert that records the
 * event, so a redelivery changes nothing; an end (revoked, expired) is a flag no later grant event clears,
 * so the read model is right whatever order a replay brings.
 */
@Repository
public class MongoEditorGrants implements EditorGrants {

    static final String COLLECTION = "editor_grants";

    private final MongoTemplate mongo;
    private final EventEffects effects;

    MongoEditorGrants(MongoTemplate mongo, EventEffects effects) {
        this.mongo = mongo;
        this.effects = effects;
        mongo.indexOps(COLLECTION)
                .createIndex(new Index()
                        .on("personId", org.springframework.data.domain.Sort.Direction.ASC)
                        .on("eServiceId", org.springframework.data.domain.Sort.Direction.ASC)
                        .named("person_eservice"));
    }

    public void granted(IncomingEvent<PermissionGranted> incoming) {
        PermissionGranted event = incoming.event();
        Update update = new Update()
                .set("eServiceId", event.eServiceId())
                .set("personId", event.person().personId())
                .set("grantedAt", event.occurredAt())
                .setOnInsert("ended", false);
        setOrUnset(update, "validFrom", event.validFrom());
        setOrUnset(update, "validUntil", event.validUntil());
        effects.upsert(incoming, Query.query(where("_id").is(event.grantId())), update, COLLECTION);
    }

    public void revoked(IncomingEvent<PermissionRevoked> incoming) {
        ended(
                incoming,
                incoming.event().grantId(),
                incoming.event().eServiceId(),
                incoming.event().occurredAt());
    }

    public void expired(IncomingEvent<PermissionExpired> incoming) {
        ended(
                incoming,
                incoming.event().grantId(),
                incoming.event().eServiceId(),
                incoming.event().occurredAt());
    }

    private void ended(IncomingEvent<?> incoming, String grantId, String eServiceId, Instant at) {
        Update update = new Update().set("ended", true).set("endedAt", at).setOnInsert("eServiceId", eServiceId);
        effects.upsert(incoming, Query.query(where("_id").is(grantId)), update, COLLECTION);
    }

    @Override
    public List<EditorGrant> of(String personId, String eServiceId) {
        Query query =
                Query.query(where("personId").is(personId).and("eServiceId").is(eServiceId));
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(document -> new EditorGrant(
                        document.getString("_id"),
                        document.getString("eServiceId"),
                        document.getString("personId"),
                        instant(document, "validFrom"),
                        instant(document, "validUntil"),
                        Boolean.TRUE.equals(document.getBoolean("ended"))))
                .toList();
    }

    private static void setOrUnset(Update update, String field, Instant value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }

    private static Instant instant(Document document, String field) {
        java.util.Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
