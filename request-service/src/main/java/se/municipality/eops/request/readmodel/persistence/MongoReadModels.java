package se.municipality.eops.request.readmodel.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.request.filing.domain.RequestStatus;
import se.municipality.eops.request.readmodel.domain.ReadModels;

@Repository
class MongoReadModels implements ReadModels {

    /** Final statuses (RequestStatus.terminal()): a request in one of them no longer blocks asking again. */
    private static final List<String> FINAL = Arrays.stream(RequestStatus.values())
            .filter(RequestStatus::terminal)
            .map(Enum::name)
            .toList();

    private final MongoTemplate mongo;

    MongoReadModels(MongoTemplate mongo) {
        this.mongo = mongo;
        // Production needs them (the local MongoDB-protocol server ignores non-unique indexes).
        mongo.indexOps(ReadModelCollections.GRANTS)
                .createIndex(new Index()
                        .on("eServiceId", Sort.Direction.ASC)
                        .on("role", Sort.Direction.ASC)
                        .named("eservice_role"));
        mongo.indexOps(ReadModelCollections.GRANTS)
                .createIndex(new Index().on("personId", Sort.Direction.ASC).named("person"));
        mongo.indexOps(ReadModelCollections.HANDLER_GROUPS)
                .createIndex(new Index().on("memberIds", Sort.Direction.ASC).named("members"));
        mongo.indexOps(ReadModelCollections.REQUESTS)
                .createIndex(new Index()
                        .on("subjectKey", Sort.Direction.ASC)
                        .named("subject_key")
                        .sparse());
    }

    @Override
    public Optional<EService> eService(String eServiceId) {
        Document found = mongo.findById(eServiceId, Document.class, ReadModelCollections.CATALOGUE);
        return Optional.ofNullable(found)
                .map(doc -> new EService(
                        eServiceId, doc.getString("name"), doc.getList("versions", String.class, List.of())));
    }

    @Override
    public Optional<GrantHeld> directCaseHandler(String eServiceId, String personId) {
        return grant(Query.query(where("role")
                .is(PermissionRole.CASE_HANDLER.name())
                .and("eServiceId")
                .is(eServiceId)
                .and("personId")
                .is(personId)
                .and("status")
                .is(ReadModelCollections.ACTIVE)));
    }

    @Override
    public Optional<GrantHeld> caseHandlerThroughGroup(String eServiceId, String personId) {
        List<String> groupIds = mongo
                .find(Query.query(where("memberIds").is(personId)), Document.class, ReadModelCollections.HANDLER_GROUPS)
                .stream()
                .map(doc -> doc.getString("_id"))
                .toList();
        if (groupIds.isEmpty()) {
            return Optional.empty();
        }
        return grant(Query.query(where("role")
                        .is(PermissionRole.CASE_HANDLER.name())
                        .and("eServiceId")
                        .is(eServiceId)
                        .and("groupId")
                        .in(groupIds)
                        .and("status")
                        .is(ReadModelCollections.ACTIVE)))
                .map(grant -> {
                    // The group's latest name is in its own document; the grant's is from when it was made.
                    Document group =
                            mongo.findById(grant.groupId(), Document.class, ReadModelCollections.HANDLER_GROUPS);
                    String name = group != null && group.getString("name") != null
                            ? group.getString("name")
                            : grant.groupName();
                    return new GrantHeld(grant.grantId(), grant.status(), grant.groupId(), name);
                });
    }

    @Override
    public Optional<GrantHeld> administrator(String eServiceId, String personId) {
        return grant(Query.query(new Criteria()
                .andOperator(
                        where("role").is(PermissionRole.ADMINISTRATOR.name()),
                        where("personId").is(personId),
                        where("status").in(ReadModelCollections.ACTIVE, ReadModelCollections.AWAITING_TRAINING),
                        new Criteria()
                                .orOperator(
                                        where("eServiceId").is(eServiceId),
                                        where("eServiceId").is(null)))));
    }

    /**
     * The request the subject key was last claimed for, if it is still open. The claim is only a pointer: the
     * request's own status decides, so a claim left behind by a request that has ended since (or a crash between
     * filing and claiming) never blocks anyone. A request cannot be filed while another for the same thing is
     * open, so the last claim is the only one that can be open.
     */
    @Override
    public Optional<OpenRequest> openRequest(String subjectKey, String exceptId) {
        Document claim = mongo.findById(subjectKey, Document.class, ReadModelCollections.OPEN_SUBJECTS);
        if (claim == null || claim.getString("requestId").equals(exceptId)) {
            return Optional.empty();
        }
        Query query = Query.query(where("_id").is(claim.getString("requestId")));
        query.fields().include("_id", "status", "requester.userId");
        return Optional.ofNullable(mongo.findOne(query, Document.class, ReadModelCollections.REQUESTS))
                .filter(doc -> !FINAL.contains(doc.getString("status")))
                .map(doc -> new OpenRequest(
                        doc.getString("_id"),
                        doc.get("requester", Document.class).getString("userId"),
                        doc.getString("status")));
    }

    @Override
    public void claimSubject(String subjectKey, String requestId) {
        mongo.save(new Document("_id", subjectKey).append("requestId", requestId), ReadModelCollections.OPEN_SUBJECTS);
    }

    /**
     * Claims the subjects of the requests still open that were filed before claims existed (one search at start;
     * afterwards every filing claims its own), oldest first so the newest open request holds the claim.
     */
    @EventListener(ApplicationReadyEvent.class)
    void claimSubjectsOfOpenRequestsFiledBefore() {
        Query open = Query.query(where("subjectKey").exists(true).and("status").nin(FINAL))
                .with(Sort.by("submittedAt"));
        open.fields().include("_id", "subjectKey");
        for (Document request : mongo.find(open, Document.class, ReadModelCollections.REQUESTS)) {
            if (!mongo.exists(
                    Query.query(where("_id").is(request.getString("subjectKey"))),
                    ReadModelCollections.OPEN_SUBJECTS)) {
                claimSubject(request.getString("subjectKey"), request.getString("_id"));
            }
        }
    }

    private Optional<GrantHeld> grant(Query query) {
        return Optional.ofNullable(mongo.findOne(query, Document.class, ReadModelCollections.GRANTS))
                .map(doc -> new GrantHeld(
                        doc.getString("_id"),
                        doc.getString("status"),
                        doc.getString("groupId"),
                        doc.getString("groupName")));
    }
}
