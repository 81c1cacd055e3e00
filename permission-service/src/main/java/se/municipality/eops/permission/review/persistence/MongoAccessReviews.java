package se.municipality.eops.permission.review.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.permission.review.domain.AccessReview;
import se.municipality.eops.permission.review.domain.AccessReview.Item;
import se.municipality.eops.permission.review.domain.AccessReview.ReviewStatus;
import se.municipality.eops.permission.review.domain.AccessReviews;
import se.municipality.eops.starter.outbox.OutboxWrites;
import se.municipality.eops.starter.outbox.PendingEvent;

/** Access reviews in MongoDB; a decision is a versioned replace that appends its event. */
@Repository
class MongoAccessReviews implements AccessReviews {

    private final MongoTemplate mongo;
    private final OutboxWrites outbox;

    MongoAccessReviews(MongoTemplate mongo, OutboxWrites outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public boolean add(AccessReview.Changed started) {
        try {
            outbox.insert(toDocument(started.review(), List.of(PendingEvent.of(started.event()))));
            return true;
        } catch (DuplicateKeyException startedBefore) {
            return false;
        }
    }

    @Override
    public boolean update(AccessReview.Changed change) {
        return outbox.replace(toDocument(change.review(), null), List.of(change.event()))
                .isPresent();
    }

    @Override
    public Optional<AccessReview> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, ReviewDocument.class)).map(MongoAccessReviews::toDomain);
    }

    @Override
    public boolean exists(String id) {
        return mongo.exists(Query.query(where("_id").is(id)), ReviewDocument.class);
    }

    @Override
    public List<AccessReview> openDueBefore(Instant now) {
        return find(
                Query.query(where("status").is(ReviewStatus.OPEN).and("dueAt").lte(now)));
    }

    @Override
    public List<AccessReview> ofEService(String eServiceId) {
        return find(Query.query(where("eServiceId").is(eServiceId)).with(Sort.by(Sort.Direction.DESC, "startedAt")));
    }

    private List<AccessReview> find(Query query) {
        query.fields().exclude("pendingEvents", "parkedEvents");
        return mongo.find(query, ReviewDocument.class).stream()
                .map(MongoAccessReviews::toDomain)
                .toList();
    }

    private static ReviewDocument toDocument(AccessReview review, List<PendingEvent> pending) {
        return new ReviewDocument(
                review.id(),
                review.eServiceId(),
                review.startedAt(),
                review.dueAt(),
                review.status(),
                review.reviewers(),
                review.items(),
                review.version(),
                pending);
    }

    private static AccessReview toDomain(ReviewDocument document) {
        return new AccessReview(
                document.id(),
                document.eServiceId(),
                document.startedAt(),
                document.dueAt(),
                document.status(),
                document.reviewers() == null ? List.of() : document.reviewers(),
                document.items() == null ? List.of() : document.items(),
                document.version());
    }

    @Document(ReviewDocument.COLLECTION)
    @CompoundIndex(name = "status_due", def = "{'status': 1, 'dueAt': 1}")
    @CompoundIndex(name = "eservice_started", def = "{'eServiceId': 1, 'startedAt': -1}")
    record ReviewDocument(
            @Id String id,
            String eServiceId,
            Instant startedAt,
            Instant dueAt,
            ReviewStatus status,
            List<Person> reviewers,
            List<Item> items,
            @Version Long version,
            List<PendingEvent> pendingEvents) {
        static final String COLLECTION = "access_reviews";
    }
}
