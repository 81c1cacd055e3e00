package se.municipality.eops.purge.purging.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.PurgeStatus;
import se.municipality.eops.purge.purging.domain.Purges;
import se.municipality.eops.starter.outbox.OutboxWrites;
import se.municipality.eops.starter.outbox.PendingEvent;

/** Purges in {@value PurgeDocument#COLLECTION}; every write goes through the starter's outbox writes. */
@Repository
class MongoPurges implements Purges {

    private final MongoTemplate mongo;
    private final OutboxWrites outbox;

    MongoPurges(MongoTemplate mongo, OutboxWrites outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public boolean insert(Purge purge) {
        List<PendingEvent> events =
                purge.newEvents().stream().map(PendingEvent::of).toList();
        try {
            outbox.insert(PurgeDocument.of(purge, events));
            return true;
        } catch (DuplicateKeyException sameIdAgain) {
            return false;
        }
    }

    @Override
    public boolean save(Purge purge) {
        OptionalLong stored = outbox.replace(PurgeDocument.of(purge, List.of()), purge.newEvents());
        stored.ifPresent(purge::saved);
        return stored.isPresent();
    }

    @Override
    public List<String> openIds(String eServiceId) {
        List<String> open = new ArrayList<>();
        mongo.getCollection(PurgeDocument.COLLECTION)
                .find(Filters.and(
                        Filters.eq("eServiceId", eServiceId),
                        Filters.in("status", PurgeStatus.AWAITING_APPROVAL.name(), PurgeStatus.EXECUTING.name())))
                .projection(Projections.include("_id"))
                .forEach(document -> open.add(document.getString("_id")));
        return open;
    }

    @Override
    public Optional<Purge> find(String id) {
        return Optional.ofNullable(mongo.findById(id, PurgeDocument.class)).map(PurgeDocument::toPurge);
    }

    @Override
    public List<Purge> ofRequest(String requestId) {
        return find(Query.query(Criteria.where("requestId").is(requestId)).with(Sort.by("createdAt", "id")));
    }

    @Override
    public List<Purge> withStatus(PurgeStatus status) {
        return find(Query.query(Criteria.where("status").is(status)).with(Sort.by("createdAt")));
    }

    @Override
    public List<Purge> awaitingApprovalExpiredAt(Instant now) {
        return find(Query.query(Criteria.where("status")
                .is(PurgeStatus.AWAITING_APPROVAL)
                .and("expiresAt")
                .lte(now)));
    }

    @Override
    public List<Purge> withAcknowledgementsDueBy(Instant now) {
        return find(Query.query(Criteria.where("batches")
                .elemMatch(Criteria.where("acknowledgementsSettled")
                        .is(false)
                        .and("acknowledgementsDueBy")
                        .lte(now))));
    }

    @Override
    public List<Purge> recent(int limit) {
        return find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit));
    }

    private List<Purge> find(Query query) {
        return mongo.find(query, PurgeDocument.class).stream()
                .map(PurgeDocument::toPurge)
                .toList();
    }
}
