package se.municipality.eops.request.readmodel.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.request.filing.domain.RequestStatus;
import se.municipality.eops.request.readmodel.domain.ReadModels;
import se.municipality.eops.request.readmodel.domain.UnknownGrantEnds;

@Repository
class MongoReadModels implements ReadModels, UnknownGrantEnds {

    /** Final statuses (RequestStatus.terminal()): a request in one of them no longer blocks asking again. */
    private static final List<String> FINAL = Arrays.stream(RequestStatus.values())
            .filter(RequestStatus::terminal)
            .map(Enum::name)
            .toList();

    /**
     * Final statuses of a request that ended without its grant. A COMPLETED request's grant is active, even while
     * the read model still shows it waiting for training (its PermissionGranted not read yet).
     */
    private static final List<String> ENDED_WITHOUT_THE_GRANT =
            List.of(RequestStatus.WITHDRAWN.name(), RequestStatus.REJECTED.name(), RequestStatus.FAILED.name());

    /** Where the open requests' subject keys were claimed before the requests held them themselves. */
    private static final String OLD_CLAIMS = "rm_open_subjects";

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
        // For the start's search of requests filed before they held their subject key (the open-request lookup
        // uses filing's unique index on openSubjectKey).
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
    public Optional<GrantHeld> directCaseHandler(String eServiceId, String personId, Instant validUntil) {
        Query query = Query.query(where("role")
                .is(PermissionRole.CASE_HANDLER.name())
                .and("eServiceId")
                .is(eServiceId)
                .and("personId")
                .is(personId)
                .and("status")
                .is(ReadModelCollections.ACTIVE));
        return mongo.find(query, Document.class, ReadModelCollections.GRANTS).stream()
                .map(MongoReadModels::grantHeld)
                .filter(grant -> grant.lastsUntil(validUntil))
                .findFirst();
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
                    return new GrantHeld(
                            grant.grantId(),
                            grant.status(),
                            grant.groupId(),
                            name,
                            grant.validUntil(),
                            grant.endKnown());
                });
    }

    /**
     * An administrator grant, active or waiting for training, lasting until {@code validUntil}, except one waiting
     * for the training of a request that ended without it (withdrawn, rejected or failed): permission-service
     * withdraws such a grant on {@code RequestWithdrawn} (and on a rejection by the team) and publishes nothing of
     * it, so the request's own status here says so, whichever of the two topics was read first.
     */
    @Override
    public Optional<GrantHeld> administrator(String eServiceId, String personId, Instant validUntil) {
        Query query = Query.query(new Criteria()
                .andOperator(
                        where("role").is(PermissionRole.ADMINISTRATOR.name()),
                        where("personId").is(personId),
                        where("status").in(ReadModelCollections.ACTIVE, ReadModelCollections.AWAITING_TRAINING),
                        new Criteria()
                                .orOperator(
                                        where("eServiceId").is(eServiceId),
                                        where("eServiceId").is(null))));
        return mongo.find(query, Document.class, ReadModelCollections.GRANTS).stream()
                .filter(grant -> !awaitsTrainingForARequestEndedWithoutIt(grant))
                .map(MongoReadModels::grantHeld)
                .filter(grant -> grant.lastsUntil(validUntil))
                .findFirst();
    }

    @Override
    public Optional<String> requestAwaitingTrainingOn(String grantId) {
        Query query = Query.query(where("_id").is(grantId).and("status").is(ReadModelCollections.AWAITING_TRAINING));
        query.fields().include("requestId");
        return Optional.ofNullable(mongo.findOne(query, Document.class, ReadModelCollections.GRANTS))
                .map(grant -> grant.getString("requestId"));
    }

    private boolean awaitsTrainingForARequestEndedWithoutIt(Document grant) {
        String requestId = grant.getString("requestId");
        if (!ReadModelCollections.AWAITING_TRAINING.equals(grant.getString("status")) || requestId == null) {
            return false;
        }
        // A find by _id, not exists(): MongoTemplate counts for that, which the local server does by a full scan.
        Query ended = Query.query(where("_id").is(requestId).and("status").in(ENDED_WITHOUT_THE_GRANT));
        ended.fields().include("_id");
        return mongo.findOne(ended, Document.class, ReadModelCollections.REQUESTS) != null;
    }

    @Override
    public List<String> grantsWithEndUnknown() {
        Query unknown = Query.query(where(ReadModelCollections.VALID_UNTIL).exists(false));
        unknown.fields().include("_id");
        return mongo.find(unknown, Document.class, ReadModelCollections.GRANTS).stream()
                .map(doc -> doc.getString("_id"))
                .toList();
    }

    @Override
    public boolean keepEndWhereUnknown(String grantId, Instant validUntil) {
        return mongo.updateFirst(
                                Query.query(where("_id")
                                        .is(grantId)
                                        .and(ReadModelCollections.VALID_UNTIL)
                                        .exists(false)),
                                new Update().set(ReadModelCollections.VALID_UNTIL, validUntil),
                                ReadModelCollections.GRANTS)
                        .getModifiedCount()
                > 0;
    }

    /**
     * The open request holding the subject key: a request holds its key while it is open (filing's unique index
     * on {@code openSubjectKey}, removed when the request ends), so this is one lookup in that index. Final
     * statuses are filtered too, for a request that ended before the key was removed on ending.
     */
    @Override
    public Optional<OpenRequest> openRequest(String subjectKey, String exceptId) {
        Query query = Query.query(where(ReadModelCollections.OPEN_SUBJECT_KEY).is(subjectKey));
        query.fields().include("_id", "status", "requester.userId");
        return Optional.ofNullable(mongo.findOne(query, Document.class, ReadModelCollections.REQUESTS))
                .filter(doc -> !doc.getString("_id").equals(exceptId))
                .filter(doc -> !FINAL.contains(doc.getString("status")))
                .map(doc -> new OpenRequest(
                        doc.getString("_id"),
                        doc.get("requester", Document.class).getString("userId"),
                        doc.getString("status")));
    }

    /**
     * Requests filed before open requests held their subject key (stored with {@code subjectKey} only) take it at
     * start, newest first: when two of them ask for the same thing, the newest holds the key, and the older one
     * (refused by the unique index) holds none. The claims collection of before is no longer read.
     */
    @EventListener(ApplicationReadyEvent.class)
    void openRequestsFiledBeforeHoldTheirSubjectKey() {
        Query open = Query.query(where("subjectKey")
                        .exists(true)
                        .and(ReadModelCollections.OPEN_SUBJECT_KEY)
                        .exists(false)
                        .and("status")
                        .nin(FINAL))
                .with(Sort.by(Sort.Direction.DESC, "submittedAt"));
        open.fields().include("_id", "subjectKey");
        for (Document request : mongo.find(open, Document.class, ReadModelCollections.REQUESTS)) {
            try {
                mongo.updateFirst(
                        Query.query(where("_id").is(request.getString("_id"))),
                        new Update().set(ReadModelCollections.OPEN_SUBJECT_KEY, request.getString("subjectKey")),
                        ReadModelCollections.REQUESTS);
            } catch (DuplicateKeyException newerHoldsIt) {
                // A newer open request asks for the same thing and holds the key.
            }
        }
        if (mongo.collectionExists(OLD_CLAIMS)) {
            mongo.dropCollection(OLD_CLAIMS);
        }
    }

    private Optional<GrantHeld> grant(Query query) {
        return Optional.ofNullable(mongo.findOne(query, Document.class, ReadModelCollections.GRANTS))
                .map(MongoReadModels::grantHeld);
    }

    private static GrantHeld grantHeld(Document doc) {
        Date validUntil = doc.getDate(ReadModelCollections.VALID_UNTIL);
        return new GrantHeld(
                doc.getString("_id"),
                doc.getString("status"),
                doc.getString("groupId"),
                doc.getString("groupName"),
                validUntil == null ? null : validUntil.toInstant(),
                // Stored before the read model kept the end: not known (null is stored for a grant without one).
                doc.containsKey(ReadModelCollections.VALID_UNTIL));
    }
}
