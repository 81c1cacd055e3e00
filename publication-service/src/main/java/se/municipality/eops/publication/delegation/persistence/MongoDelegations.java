package se.municipality.eops.publication.delegation.persistence;

import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import se.municipality.eops.contract.publication.ReviewDelegated;
import se.municipality.eops.publication.delegation.domain.Delegation;
import se.municipality.eops.publication.delegation.domain.Delegations;
import se.municipality.eops.starter.outbox.OutboxWrites;
import se.municipality.eops.starter.outbox.PendingEvent;

/**
 * Stores a delegation and its {@link ReviewDelegated} in one document through the starter's {@link
 * OutboxWrites} (a delegation is never changed after it is made, so only {@code insert}).
 */
@Repository
class MongoDelegations implements Delegations {

    static final String COLLECTION = "delegations";

    private final MongoTemplate mongo;
    private final OutboxWrites outbox;

    MongoDelegations(MongoTemplate mongo, OutboxWrites outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    @CompoundIndex(name = "delegator_delegate", def = "{'delegatorId': 1, 'delegateId': 1}")
    record DelegationDocument(
            @org.springframework.data.annotation.Id String id,
            String delegatorId,
            String delegateId,
            java.time.Instant from,
            java.time.Instant until,
            java.time.Instant createdAt,
            List<PendingEvent> pendingEvents) {}

    @Override
    public void add(Delegation delegation, ReviewDelegated announced) {
        outbox.insert(new DelegationDocument(
                delegation.id(),
                delegation.delegatorId(),
                delegation.delegateId(),
                delegation.from(),
                delegation.until(),
                delegation.createdAt(),
                List.of(PendingEvent.of(announced))));
    }

    @Override
    public List<Delegation> involving(String personId) {
        Query query = Query.query(new Criteria()
                .orOperator(
                        Criteria.where("delegatorId").is(personId),
                        Criteria.where("delegateId").is(personId)));
        return mongo.find(query, DelegationDocument.class).stream()
                .map(MongoDelegations::toDomain)
                .toList();
    }

    @Override
    public List<Delegation> between(String delegatorId, String delegateId) {
        Query query = Query.query(
                Criteria.where("delegatorId").is(delegatorId).and("delegateId").is(delegateId));
        return mongo.find(query, DelegationDocument.class).stream()
                .map(MongoDelegations::toDomain)
                .toList();
    }

    private static Delegation toDomain(DelegationDocument document) {
        return new Delegation(
                document.id(),
                document.delegatorId(),
                document.delegateId(),
                document.from(),
                document.until(),
                document.createdAt());
    }
}
