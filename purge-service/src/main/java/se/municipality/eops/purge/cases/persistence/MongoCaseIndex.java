package se.municipality.eops.purge.cases.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import se.municipality.eops.purge.cases.domain.CaseIndex;
import se.municipality.eops.purge.cases.domain.IndexedCase;

/**
 * The index in the collection {@value CaseFields#COLLECTION}, one small document per case with the case id as
 * {@code _id}. Writes are idempotent by construction: inserts keyed by the case id, {@code $set}s of the event's
 * values, deletes by id. Purged case ids ({@value CaseFields#PURGED_COLLECTION}) and the ids of cases the platform
 * deleted ({@value CaseFields#DELETED_COLLECTION}) are never indexed again.
 */
@Repository
class MongoCaseIndex implements CaseIndex {

    private static final Logger log = LoggerFactory.getLogger(MongoCaseIndex.class);

    /** MongoDB's code for a duplicate key: an imported case that is indexed already. */
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    MongoCaseIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean submitted(IndexedCase indexedCase) {
        String caseId = indexedCase.caseId();
        if (wasPurged(caseId)) {
            log.info("Case {} was purged; its CaseSubmitted does not bring it back", caseId);
            return false;
        }
        if (wasDeletedByPlatform(caseId)) {
            log.info("Case {} was deleted by the platform; its CaseSubmitted does not bring it back", caseId);
            return false;
        }
        Update update = new Update()
                .setOnInsert(CaseFields.E_SERVICE_ID, indexedCase.eServiceId())
                .setOnInsert(CaseFields.SUBMITTED_AT, Date.from(indexedCase.submittedAt()))
                .setOnInsert(CaseFields.TEST, indexedCase.test());
        if (indexedCase.caseType() != null) {
            update.setOnInsert(CaseFields.CASE_TYPE, indexedCase.caseType());
        }
        boolean added =
                mongo.upsert(byId(caseId), update, CaseFields.COLLECTION).getUpsertedId() != null;
        if (added) {
            applyEarlyClosures(List.of(caseId));
        }
        return added;
    }

    /**
     * Sets the closing instant of a case the index has. A case it does not have yet (its CaseSubmitted is behind a
     * backlog import that has not reached it) gets it remembered first, and the case takes it when it arrives: the
     * import and {@link #submitted} look for it after they insert, and this looks for the case again after it
     * remembered, so whichever comes second applies it.
     */
    @Override
    public void closed(String caseId, String eServiceId, Instant closedAt) {
        Update close = new Update().set(CaseFields.CLOSED_AT, Date.from(closedAt));
        if (mongo.updateFirst(byId(caseId), close, CaseFields.COLLECTION).getMatchedCount() > 0) {
            return;
        }
        earlyClosures()
                .replaceOne(
                        Filters.eq("_id", caseId),
                        new Document("_id", caseId).append(CaseFields.CLOSED_AT, Date.from(closedAt)),
                        new ReplaceOptions().upsert(true));
        if (mongo.updateFirst(byId(caseId), close, CaseFields.COLLECTION).getMatchedCount() > 0) {
            earlyClosures().deleteOne(Filters.eq("_id", caseId));
        }
    }

    /**
     * Remembers the id first (nothing else of the case): a crash before the case is removed leaves the trace, and the
     * redelivered CaseDeleted removes it.
     */
    @Override
    public void deleted(String caseId) {
        deletedByPlatform()
                .replaceOne(Filters.eq("_id", caseId), new Document("_id", caseId), new ReplaceOptions().upsert(true));
        mongo.remove(byId(caseId), CaseFields.COLLECTION);
        earlyClosures().deleteOne(Filters.eq("_id", caseId));
    }

    @Override
    public long importAll(List<IndexedCase> cases, Set<String> gone) {
        MongoCollection<Document> collection = mongo.getCollection(CaseFields.COLLECTION);
        List<Document> documents = cases.stream()
                .filter(indexedCase -> !gone.contains(indexedCase.caseId()))
                .map(MongoCaseIndex::toDocument)
                .toList();
        if (documents.isEmpty()) {
            return 0;
        }
        long added;
        try {
            // Unordered: the server takes the whole batch in one go and a duplicate stops nothing.
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
            added = documents.size();
        } catch (MongoBulkWriteException someWereThere) {
            boolean onlyDuplicates =
                    someWereThere.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw someWereThere;
            }
            added = documents.size() - someWereThere.getWriteErrors().size();
        }
        List<String> ids =
                documents.stream().map(document -> document.getString("_id")).toList();
        // The platform may have deleted some of them since the import read what is gone (consumers run meanwhile):
        // their CaseDeleted found nothing to remove, so take them out again. Looked up only when the platform has
        // deleted any case at all (a count from the collection's metadata): a backlog import pays nothing for it.
        List<String> deletedMeanwhile = new ArrayList<>();
        if (deletedByPlatform().estimatedDocumentCount() > 0) {
            deletedByPlatform()
                    .find(Filters.in("_id", ids))
                    .projection(Projections.include("_id"))
                    .forEach(document -> deletedMeanwhile.add(document.getString("_id")));
        }
        if (!deletedMeanwhile.isEmpty()) {
            added -= collection.deleteMany(Filters.in("_id", deletedMeanwhile)).getDeletedCount();
        }
        applyEarlyClosures(ids);
        return Math.max(0, added);
    }

    /** The closing instants remembered for these cases before they were indexed, applied and forgotten. */
    private void applyEarlyClosures(List<String> caseIds) {
        if (earlyClosures().estimatedDocumentCount() == 0) {
            return; // none remembered: the common case, no look-up
        }
        for (Document early : earlyClosures().find(Filters.in("_id", caseIds))) {
            String caseId = early.getString("_id");
            mongo.updateFirst(
                    byId(caseId),
                    new Update().set(CaseFields.CLOSED_AT, early.getDate(CaseFields.CLOSED_AT)),
                    CaseFields.COLLECTION);
            earlyClosures().deleteOne(Filters.eq("_id", caseId));
        }
    }

    @Override
    public Set<String> goneCaseIds() {
        Set<String> gone = new HashSet<>();
        for (Document batch : mongo.getCollection(CaseFields.PURGED_COLLECTION)
                .find()
                .projection(Projections.include(CaseFields.PURGED_CASE_IDS))) {
            gone.addAll(batch.getList(CaseFields.PURGED_CASE_IDS, String.class));
        }
        deletedByPlatform().find().forEach(document -> gone.add(document.getString("_id")));
        return gone;
    }

    private boolean wasPurged(String caseId) {
        return mongo.getCollection(CaseFields.PURGED_COLLECTION)
                        .find(Filters.eq(CaseFields.PURGED_CASE_IDS, caseId))
                        .projection(Projections.include("_id"))
                        .first()
                != null;
    }

    private boolean wasDeletedByPlatform(String caseId) {
        return deletedByPlatform().find(Filters.eq("_id", caseId)).first() != null;
    }

    private MongoCollection<Document> deletedByPlatform() {
        return mongo.getCollection(CaseFields.DELETED_COLLECTION);
    }

    private MongoCollection<Document> earlyClosures() {
        return mongo.getCollection(CaseFields.EARLY_CLOSURES_COLLECTION);
    }

    static Document toDocument(IndexedCase indexedCase) {
        Document document = new Document("_id", indexedCase.caseId())
                .append(CaseFields.E_SERVICE_ID, indexedCase.eServiceId())
                .append(CaseFields.SUBMITTED_AT, Date.from(indexedCase.submittedAt()))
                .append(CaseFields.TEST, indexedCase.test());
        if (indexedCase.closedAt() != null) {
            document.append(CaseFields.CLOSED_AT, Date.from(indexedCase.closedAt()));
        }
        if (indexedCase.caseType() != null) {
            document.append(CaseFields.CASE_TYPE, indexedCase.caseType());
        }
        return document;
    }

    private static Query byId(String caseId) {
        return Query.query(Criteria.where("_id").is(caseId));
    }
}
