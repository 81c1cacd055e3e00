package se.municipality.eops.request.drafts.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import se.municipality.eops.request.drafts.domain.Draft;
import se.municipality.eops.request.drafts.domain.Drafts;
import se.municipality.eops.request.filing.domain.RequestDetails;

@Repository
class MongoDrafts implements Drafts {

    private final MongoTemplate mongo;

    MongoDrafts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void add(Draft draft) {
        mongo.insert(toDocument(draft));
    }

    @Override
    public Optional<Draft> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, DraftDocument.class)).map(MongoDrafts::toDomain);
    }

    @Override
    public boolean update(Draft draft) {
        Query unchanged = Query.query(where("_id")
                .is(draft.id())
                .and("version")
                .is(draft.version())
                .and("submittedRequestId")
                .is(null));
        Update update = new Update()
                .set("publication", draft.details().publication())
                .set("purge", draft.details().purge())
                .set("permission", draft.details().permission())
                .set("updatedAt", draft.updatedAt())
                .set("expiresAt", draft.expiresAt())
                .inc("version", 1);
        return mongo.updateFirst(unchanged, update, DraftDocument.class).getModifiedCount() == 1;
    }

    @Override
    public void markSubmitted(String id, String requestId) {
        mongo.updateFirst(
                Query.query(where("_id").is(id)),
                new Update().set("submittedRequestId", requestId).inc("version", 1),
                DraftDocument.class);
    }

    @Override
    public void delete(String id) {
        mongo.remove(Query.query(where("_id").is(id)), DraftDocument.class);
    }

    @Override
    public long countOpen(String ownerId, Instant now) {
        return mongo.count(
                Query.query(where("ownerId")
                        .is(ownerId)
                        .and("expiresAt")
                        .gt(now)
                        .and("submittedRequestId")
                        .is(null)),
                DraftDocument.class);
    }

    @Override
    public long removeExpired(Instant now) {
        return mongo.remove(Query.query(where("expiresAt").lte(now)), DraftDocument.class)
                .getDeletedCount();
    }

    private static DraftDocument toDocument(Draft draft) {
        RequestDetails details = draft.details();
        return new DraftDocument(
                draft.id(),
                draft.ownerId(),
                details.type(),
                details.publication(),
                details.purge(),
                details.permission(),
                draft.createdAt(),
                draft.updatedAt(),
                draft.expiresAt(),
                draft.submittedRequestId(),
                draft.version());
    }

    private static Draft toDomain(DraftDocument document) {
        return new Draft(
                document.id(),
                document.ownerId(),
                new RequestDetails(document.type(), document.publication(), document.purge(), document.permission()),
                document.createdAt(),
                document.updatedAt(),
                document.expiresAt(),
                document.submittedRequestId(),
                document.version());
    }
}
