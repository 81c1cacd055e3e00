package se.municipality.eops.purge.cases.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import java.time.Instant;
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
 * values, deletes by id. Purged case ids ({@value CaseFields#PURGED_COLLECTION}) are never indexed again.
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
        if (wasPurged(indexedCase.caseId())) {
            log.info("Case {} was purged; its CaseSubmitted does not bring it back", indexedCase.caseId());
            return false;
        }
        Update update = new Update()
                .setOnInsert(CaseFields.E_SERVICE_ID, indexedCase.eServiceId())
                .setOnInsert(CaseFields.SUBMITTED_AT, Date.from(indexedCase.submittedAt()))
                .setOnInsert(CaseFields.TEST, indexedCase.test());
        if (indexedCase.caseType() != null) {
            update.setOnInsert(CaseFields.CASE_TYPE, indexedCase.caseType());
        }
        return mongo.upsert(byId(indexedCase.caseId()), update, CaseFields.COLLECTION)
                        .getUpsertedId()
                != null;
    }

    @Override
    public void closed(String caseId, String eServiceId, Instant closedAt) {
        // Only a case the index knows: a CaseClosed without its CaseSubmitted has no submission date to keep.
        mongo.updateFirst(
                byId(caseId), new Update().set(CaseFields.CLOSED_AT, Date.from(closedAt)), CaseFields.COLLECTION);
    }

    @Override
    public void deleted(String caseId) {
        mongo.remove(byId(caseId), CaseFields.COLLECTION);
    }

    @Override
    public long importAll(List<IndexedCase> cases, Set<String> purged) {
        MongoCollection<Document> collection = mongo.getCollection(CaseFields.COLLECTION);
        List<Document> documents = cases.stream()
                .filter(indexedCase -> !purged.contains(indexedCase.caseId()))
                .map(MongoCaseIndex::toDocument)
                .toList();
        if (documents.isEmpty()) {
            return 0;
        }
        try {
            // Unordered: the server takes the whole batch in one go and a duplicate stops nothing.
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
            return documents.size();
        } catch (MongoBulkWriteException someWereThere) {
            boolean onlyDuplicates =
                    someWereThere.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw someWereThere;
            }
            return documents.size() - someWereThere.getWriteErrors().size();
        }
    }

    @Override
    public Set<String> purgedCaseIds() {
        Set<String> purged = new HashSet<>();
        for (Document batch : mongo.getCollection(CaseFields.PURGED_COLLECTION)
                .find()
                .projection(Projections.include(CaseFields.PURGED_CASE_IDS))) {
            purged.addAll(batch.getList(CaseFields.PURGED_CASE_IDS, String.class));
        }
        return purged;
    }

    private boolean wasPurged(String caseId) {
        return mongo.getCollection(CaseFields.PURGED_COLLECTION)
                        .find(Filters.eq(CaseFields.PURGED_CASE_IDS, caseId))
                        .projection(Projections.include("_id"))
                        .first()
                != null;
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
