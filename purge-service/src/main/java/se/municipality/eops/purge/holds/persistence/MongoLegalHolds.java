package se.municipality.eops.purge.holds.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import se.municipality.eops.purge.holds.domain.LegalHold;
import se.municipality.eops.purge.holds.domain.LegalHolds;

/**
 * Holds in {@value #COLLECTION} ({@code _id} = target and id, so one hold per target). Purges ask for them through
 * {@link se.municipality.eops.purge.holds.application.HoldKeeping}; nothing is written onto the cases.
 */
@Repository
class MongoLegalHolds implements LegalHolds {

    static final String COLLECTION = "legal_holds";

    private final MongoTemplate mongo;

    MongoLegalHolds(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void place(LegalHold hold) {
        Document document = new Document("target", hold.target().name())
                .append("targetId", hold.targetId())
                .append("reason", hold.reason())
                .append("setBy", hold.setBy())
                .append("setAt", Date.from(hold.setAt()));
        mongo.upsert(
                Query.query(Criteria.where("_id").is(id(hold.target(), hold.targetId()))),
                Update.fromDocument(new Document("$set", document)),
                COLLECTION);
    }

    @Override
    public boolean lift(LegalHold.Target target, String targetId) {
        boolean existed = mongo.remove(Query.query(Criteria.where("_id").is(id(target, targetId))), COLLECTION)
                        .getDeletedCount()
                > 0;
        return existed;
    }

    @Override
    public Optional<LegalHold> onEService(String eServiceId) {
        return Optional.ofNullable(
                        mongo.findById(id(LegalHold.Target.ESERVICE, eServiceId), Document.class, COLLECTION))
                .map(MongoLegalHolds::toHold);
    }

    @Override
    public List<LegalHold> onCases() {
        return mongo
                .find(
                        Query.query(Criteria.where("target").is(LegalHold.Target.CASE.name())),
                        Document.class,
                        COLLECTION)
                .stream()
                .map(MongoLegalHolds::toHold)
                .toList();
    }

    @Override
    public List<LegalHold> all() {
        return mongo.findAll(Document.class, COLLECTION).stream()
                .map(MongoLegalHolds::toHold)
                .toList();
    }

    private static String id(LegalHold.Target target, String targetId) {
        return target.name() + ":" + targetId;
    }

    private static LegalHold toHold(Document document) {
        return new LegalHold(
                LegalHold.Target.valueOf(document.getString("target")),
                document.getString("targetId"),
                document.getString("reason"),
                document.getString("setBy"),
                Instant.ofEpochMilli(document.getDate("setAt").getTime()));
    }
}
