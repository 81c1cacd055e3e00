package se.municipality.eops.purge.holds.persistence;

import java.time.Instant;
import java.util.Comparator;
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
 * Holds in {@value #COLLECTION}, one document per hold ({@code _id} = the hold's id, {@code hold-<uuid>}), lifted
 * ones kept with {@code liftedBy}, {@code liftedAt} and {@code liftReason}. Documents stored when there was one hold
 * per target ({@code _id} = {@code <target>:<targetId>}) have the same fields and are read as they are: their
 * {@code _id} is their hold id, and they are in force (no {@code liftedAt}); no migration. Purges ask for them
 * through {@link se.municipality.eops.purge.holds.application.HoldKeeping}; nothing is written onto the cases.
 */
@Repository
class MongoLegalHolds implements LegalHolds {

    static final String COLLECTION = "legal_holds";

    private static final Comparator<LegalHold> OLDEST_FIRST =
            Comparator.comparing(LegalHold::setAt).thenComparing(LegalHold::id);

    private final MongoTemplate mongo;

    MongoLegalHolds(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void place(LegalHold hold) {
        mongo.insert(
                new Document("_id", hold.id())
                        .append("target", hold.target().name())
                        .append("targetId", hold.targetId())
                        .append("reason", hold.reason())
                        .append("setBy", hold.setBy())
                        .append("setAt", Date.from(hold.setAt())),
                COLLECTION);
    }

    @Override
    public Optional<LegalHold> find(String holdId) {
        return Optional.ofNullable(mongo.findById(holdId, Document.class, COLLECTION))
                .map(MongoLegalHolds::toHold);
    }

    @Override
    public boolean lift(String holdId, String liftedBy, Instant liftedAt, String liftReason) {
        Update lifting = new Update().set("liftedBy", liftedBy).set("liftedAt", Date.from(liftedAt));
        if (liftReason != null) {
            lifting.set("liftReason", liftReason);
        }
        return mongo.updateFirst(
                                Query.query(Criteria.where("_id")
                                        .is(holdId)
                                        .and("liftedAt")
                                        .is(null)),
                                lifting,
                                COLLECTION)
                        .getModifiedCount()
                > 0;
    }

    @Override
    public List<LegalHold> inForceOn(LegalHold.Target target, String targetId) {
        return read(inForce().and("target").is(target.name()).and("targetId").is(targetId));
    }

    @Override
    public List<LegalHold> inForceOnCases() {
        return read(inForce().and("target").is(LegalHold.Target.CASE.name()));
    }

    @Override
    public List<LegalHold> all(boolean alsoLifted) {
        return read(alsoLifted ? new Criteria() : inForce());
    }

    private static Criteria inForce() {
        // Matches a missing field too: holds stored before holds could be lifted without being removed.
        return Criteria.where("liftedAt").is(null);
    }

    private List<LegalHold> read(Criteria criteria) {
        return mongo.find(Query.query(criteria), Document.class, COLLECTION).stream()
                .map(MongoLegalHolds::toHold)
                .sorted(OLDEST_FIRST)
                .toList();
    }

    private static LegalHold toHold(Document document) {
        Date liftedAt = document.getDate("liftedAt");
        return new LegalHold(
                document.get("_id").toString(),
                LegalHold.Target.valueOf(document.getString("target")),
                document.getString("targetId"),
                document.getString("reason"),
                document.getString("setBy"),
                document.getDate("setAt").toInstant(),
                document.getString("liftedBy"),
                liftedAt == null ? null : liftedAt.toInstant(),
                document.getString("liftReason"));
    }
}
