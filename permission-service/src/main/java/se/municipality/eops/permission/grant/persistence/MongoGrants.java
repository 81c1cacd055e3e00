package se.municipality.eops.permission.grant.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.GrantStatus;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.grant.domain.Holder;
import se.municipality.eops.permission.grant.domain.SearchText;
import se.municipality.eops.permission.grant.domain.Transition;
import se.municipality.eops.starter.outbox.OutboxWrites;
import se.municipality.eops.starter.outbox.PendingEvent;

/**
 * Grants in MongoDB. A new grant and its event are one insert; a status change is one update guarded
 * by the statuses it may leave, appending its history entry and its event in the same write (the
 * starter's {@link OutboxWrites}), so racing writers change a grant once.
 */
@Repository
class MongoGrants implements Grants {

    private static final Sort BY_ID = Sort.by("_id");

    private final MongoTemplate mongo;
    private final OutboxWrites outbox;

    MongoGrants(MongoTemplate mongo, OutboxWrites outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public boolean add(Grant grant, DomainEvent event) {
        try {
            outbox.insert(toDocument(grant, List.of(PendingEvent.of(event))));
            return true;
        } catch (DuplicateKeyException carriedOutBefore) {
            return false;
        }
    }

    @Override
    public boolean apply(Transition transition) {
        Update update = new Update().set("status", transition.to()).push("history", transition.entry());
        return outbox.update(
                GrantDocument.class,
                transition.grantId(),
                where("status").in(transition.from()),
                update,
                transition.events());
    }

    @Override
    public Optional<Grant> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, GrantDocument.class)).map(MongoGrants::toDomain);
    }

    @Override
    public List<Grant> openForPerson(String personId, PermissionRole role, String eServiceId) {
        return find(where("personId")
                .is(personId)
                .and("role")
                .is(role)
                .and("eServiceId")
                .is(eServiceId)
                .and("status")
                .in(GrantStatus.OPEN));
    }

    @Override
    public List<Grant> openForGroups(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return find(where("groupId").in(groupIds).and("status").in(GrantStatus.OPEN));
    }

    @Override
    public boolean touchedByRequest(String requestId) {
        return mongo.exists(Query.query(where("history.requestId").is(requestId)), GrantDocument.class);
    }

    @Override
    public List<Grant> awaitingTraining(String personId) {
        return find(where("personId").is(personId).and("status").is(GrantStatus.AWAITING_TRAINING));
    }

    @Override
    public List<String> peopleAwaitingTraining() {
        return mongo.findDistinct(
                Query.query(where("status").is(GrantStatus.AWAITING_TRAINING)),
                "personId",
                GrantDocument.COLLECTION,
                String.class);
    }

    @Override
    public List<Grant> endingBefore(Set<GrantStatus> statuses, Instant before, int limit) {
        Query query = Query.query(where("status").in(statuses).and("validUntil").lt(before))
                .with(Sort.by("validUntil"))
                .limit(limit);
        return mongo.find(query, GrantDocument.class).stream()
                .map(MongoGrants::toDomain)
                .toList();
    }

    @Override
    public List<Grant> openOnEService(String eServiceId) {
        return find(where("eServiceId").is(eServiceId).and("status").in(GrantStatus.OPEN));
    }

    @Override
    public List<String> eServicesWithOpenGrants() {
        return mongo
                .findDistinct(
                        Query.query(where("status")
                                .in(GrantStatus.OPEN)
                                .and("eServiceId")
                                .ne(null)),
                        "eServiceId",
                        GrantDocument.COLLECTION,
                        String.class)
                .stream()
                .sorted()
                .toList();
    }

    @Override
    public List<Grant> ofPerson(String personId) {
        return find(where("personId").is(personId));
    }

    @Override
    public List<Grant> openPersonHandlers(String eServiceId, String foldedFragment) {
        Criteria criteria = where("eServiceId")
                .is(eServiceId)
                .and("role")
                .is(PermissionRole.CASE_HANDLER)
                .and("status")
                .in(GrantStatus.OPEN)
                .and("personId")
                .ne(null);
        if (!foldedFragment.isEmpty()) {
            criteria = criteria.and("searchText").regex(Pattern.quote(foldedFragment));
        }
        return find(criteria);
    }

    @Override
    public List<Grant> openGroupHandlers(String eServiceId) {
        return find(where("eServiceId")
                .is(eServiceId)
                .and("role")
                .is(PermissionRole.CASE_HANDLER)
                .and("status")
                .in(GrantStatus.OPEN)
                .and("groupId")
                .ne(null));
    }

    @Override
    public List<Count> countByRoleAndStatus() {
        Aggregation counting = Aggregation.newAggregation(
                Aggregation.group("role", "status").count().as("grants"));
        return mongo.aggregate(counting, GrantDocument.COLLECTION, Document.class).getMappedResults().stream()
                .map(row -> {
                    Document id = row.get("_id", Document.class);
                    return new Count(
                            PermissionRole.valueOf(id.getString("role")),
                            GrantStatus.valueOf(id.getString("status")),
                            ((Number) row.get("grants")).longValue());
                })
                .toList();
    }

    @Override
    public void renameGroup(String groupId, String name) {
        mongo.updateMulti(
                Query.query(where("groupId").is(groupId)), new Update().set("group.name", name), GrantDocument.class);
    }

    private List<Grant> find(Criteria criteria) {
        Query query = Query.query(criteria).with(BY_ID);
        query.fields().exclude("pendingEvents", "parkedEvents");
        return mongo.find(query, GrantDocument.class).stream()
                .map(MongoGrants::toDomain)
                .toList();
    }

    static GrantDocument toDocument(Grant grant, List<PendingEvent> pending) {
        Person person = grant.holder().person();
        return new GrantDocument(
                grant.id(),
                grant.role(),
                grant.eServiceId(),
                grant.eServiceName(),
                person,
                grant.holder().group(),
                person == null ? null : person.personId(),
                grant.holder().isGroup() ? grant.holder().group().groupId() : null,
                person == null ? null : SearchText.ofPerson(person.personId(), person.name(), person.email()),
                grant.validFrom(),
                grant.validUntil(),
                grant.status(),
                grant.requestId(),
                grant.decidedBy(),
                grant.history(),
                pending);
    }

    static Grant toDomain(GrantDocument document) {
        return new Grant(
                document.id(),
                document.role(),
                document.eServiceId(),
                document.eServiceName(),
                new Holder(document.person(), document.group()),
                document.validFrom(),
                document.validUntil(),
                document.status(),
                document.requestId(),
                document.decidedBy(),
                document.history() == null ? List.of() : document.history());
    }
}
