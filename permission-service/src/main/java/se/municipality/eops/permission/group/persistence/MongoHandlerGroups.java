package se.municipality.eops.permission.group.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.permission.group.domain.HandlerGroup;
import se.municipality.eops.permission.group.domain.HandlerGroups;
import se.municipality.eops.starter.outbox.OutboxWrites;
import se.municipality.eops.starter.outbox.PendingEvent;

/**
 * Handler groups in MongoDB: a change is one update guarded by the version it was read at, setting
 * name and members and appending the change's event in the same write.
 */
@Repository
class MongoHandlerGroups implements HandlerGroups {

    private final MongoTemplate mongo;
    private final OutboxWrites outbox;

    MongoHandlerGroups(MongoTemplate mongo, OutboxWrites outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public boolean add(HandlerGroup.Changed created) {
        HandlerGroup group = created.group();
        String requestId = created.event().requestId();
        try {
            outbox.insert(new GroupDocument(
                    group.id(),
                    group.eServiceId(),
                    group.name(),
                    group.members(),
                    memberIds(group.members()),
                    requestId == null ? List.of() : List.of(requestId),
                    null,
                    List.of(PendingEvent.of(created.event()))));
            return true;
        } catch (DuplicateKeyException existsAlready) {
            return false;
        }
    }

    @Override
    public boolean update(HandlerGroup.Changed change, String requestId) {
        HandlerGroup group = change.group();
        Update update = new Update()
                .set("name", group.name())
                .set("members", group.members())
                .set("memberIds", memberIds(group.members()))
                .inc("version", 1);
        if (requestId != null) {
            update.addToSet("appliedRequests", requestId);
        }
        return outbox.update(
                GroupDocument.class, group.id(), where("version").is(group.version()), update, List.of(change.event()));
    }

    @Override
    public Optional<HandlerGroup> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, GroupDocument.class)).map(MongoHandlerGroups::toDomain);
    }

    @Override
    public List<HandlerGroup> withMember(String personId, String eServiceId) {
        return find(
                Query.query(where("memberIds").is(personId).and("eServiceId").is(eServiceId)));
    }

    @Override
    public List<HandlerGroup> ofEService(String eServiceId) {
        return find(Query.query(where("eServiceId").is(eServiceId)).with(Sort.by("name")));
    }

    @Override
    public boolean touchedByRequest(String requestId) {
        return mongo.exists(Query.query(where("appliedRequests").is(requestId)), GroupDocument.class);
    }

    private List<HandlerGroup> find(Query query) {
        query.fields().exclude("pendingEvents", "parkedEvents");
        return mongo.find(query, GroupDocument.class).stream()
                .map(MongoHandlerGroups::toDomain)
                .toList();
    }

    private static List<String> memberIds(List<Person> members) {
        return members.stream().map(Person::personId).toList();
    }

    private static HandlerGroup toDomain(GroupDocument document) {
        return new HandlerGroup(
                document.id(),
                document.eServiceId(),
                document.name(),
                document.members() == null ? List.of() : document.members(),
                document.version());
    }
}
