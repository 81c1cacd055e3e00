package se.municipality.eops.purge.purging.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import se.municipality.eops.purge.cases.persistence.CaseFields;
import se.municipality.eops.purge.purging.domain.HeldBack;
import se.municipality.eops.purge.purging.domain.PurgeCases;

/**
 * Works on the cases index with the driver's own types, in bulk, so that a purge costs a fixed number of passes
 * over the collection whatever its size: one multi-document update assigns the purge's cases, one query splits them
 * into batch documents ({@value #BATCHES}, {@code _id} = purge and number). Each batch is then deleted by primary
 * key, one bulk write of single-document deletes, which every server answers from its {@code _id} index (the local
 * MongoDB-protocol server serves no other query from an index, not even {@code _id: {$in: [...]}}). Legal holds on
 * cases are read from their own small collection.
 */
@Repository
class MongoPurgeCases implements PurgeCases {

    static final String BATCHES = "purge_batches";
    private static final String LEGAL_HOLDS = "legal_holds";

    private final MongoTemplate mongo;

    MongoPurgeCases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> cases() {
        return mongo.getCollection(CaseFields.COLLECTION);
    }

    @Override
    public void assignTestCases(String purgeId, String eServiceId) {
        cases().updateMany(
                        Filters.and(
                                Filters.eq(CaseFields.E_SERVICE_ID, eServiceId),
                                Filters.eq(CaseFields.TEST, true),
                                free()),
                        Updates.set(CaseFields.PURGE_ID, purgeId));
    }

    @Override
    public void assignDue(String purgeId, String eServiceId, String clockStart, Instant cutoff, String caseType) {
        cases().updateMany(
                        Filters.and(due(eServiceId, clockStart, cutoff, caseType), free()),
                        Updates.set(CaseFields.PURGE_ID, purgeId));
    }

    /** From the holds on cases (few), each case looked up by its id. */
    @Override
    public List<HeldBack> heldBackDue(String eServiceId, String clockStart, Instant cutoff, String caseType) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (String heldCase : heldCases()) {
            Document held = cases().find(Filters.eq("_id", heldCase)).first();
            if (held == null
                    || !eServiceId.equals(held.getString(CaseFields.E_SERVICE_ID))
                    || (caseType != null && !caseType.equals(held.getString(CaseFields.CASE_TYPE)))
                    || !held.containsKey(CaseFields.HOLD)) {
                continue;
            }
            Date started = held.getDate(clockField(clockStart));
            if (started != null && !started.toInstant().isAfter(cutoff)) {
                byReason.merge(held.get(CaseFields.HOLD, Document.class).getString("reason"), 1L, Long::sum);
            }
        }
        return byReason.entrySet().stream()
                .map(entry -> new HeldBack(entry.getKey(), entry.getValue()))
                .toList();
    }

    @Override
    public long countDue(String eServiceId, String clockStart, Instant cutoff, String caseType) {
        return cases().countDocuments(due(eServiceId, clockStart, cutoff, caseType));
    }

    @Override
    public long countTestCases(String eServiceId) {
        return cases().countDocuments(Filters.and(
                Filters.eq(CaseFields.E_SERVICE_ID, eServiceId), Filters.eq(CaseFields.TEST, true)));
    }

    @Override
    public Selection writeBatches(String purgeId, int batchSize, String clockStart) {
        MongoCollection<Document> batches = mongo.getCollection(BATCHES);
        // Made again from the assigned cases if a crash came between this and storing the purge.
        batches.deleteMany(Filters.eq("purgeId", purgeId));
        String clockField = clockField(clockStart);
        List<Document> documents = new ArrayList<>();
        List<String> current = new ArrayList<>(batchSize);
        long count = 0;
        Instant oldest = null;
        Instant newest = null;
        for (Document assigned : cases().find(Filters.eq(CaseFields.PURGE_ID, purgeId))
                .projection(Projections.include("_id", clockField))
                .sort(Sorts.ascending("_id"))) {
            count++;
            Date started = assigned.getDate(clockField);
            if (started != null) {
                Instant at = started.toInstant();
                oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
                newest = newest == null || at.isAfter(newest) ? at : newest;
            }
            current.add(assigned.getString("_id"));
            if (current.size() == batchSize) {
                documents.add(batch(purgeId, documents.size() + 1, current));
                current = new ArrayList<>(batchSize);
            }
        }
        if (!current.isEmpty()) {
            documents.add(batch(purgeId, documents.size() + 1, current));
        }
        if (!documents.isEmpty()) {
            batches.insertMany(documents);
        }
        return new Selection(documents.size(), count, oldest, newest);
    }

    @Override
    public List<String> batchCasesToDelete(String purgeId, int number) {
        Document batch = mongo.getCollection(BATCHES)
                .find(Filters.eq("_id", batchId(purgeId, number)))
                .first();
        if (batch == null) {
            return List.of();
        }
        Set<String> held = heldCases();
        return batch.getList("caseIds", String.class).stream()
                .filter(caseId -> !held.contains(caseId))
                .toList();
    }

    /**
     * Deletes by primary key alone: the ids come from this purge's batch, and a case leaves a purge only when the
     * finished or expired purge releases it.
     */
    @Override
    public void delete(String purgeId, List<String> caseIds) {
        if (caseIds.isEmpty()) {
            return;
        }
        List<DeleteOneModel<Document>> deletes = new ArrayList<>(caseIds.size());
        caseIds.forEach(caseId -> deletes.add(new DeleteOneModel<>(Filters.eq("_id", caseId))));
        cases().bulkWrite(deletes, new BulkWriteOptions().ordered(false));
    }

    @Override
    public long release(String purgeId) {
        return cases().updateMany(Filters.eq(CaseFields.PURGE_ID, purgeId), Updates.unset(CaseFields.PURGE_ID))
                .getModifiedCount();
    }

    @Override
    public void dropBatches(String purgeId) {
        mongo.getCollection(BATCHES).deleteMany(Filters.eq("purgeId", purgeId));
    }

    /** The ids of the cases on legal hold now (holds are few: one small collection). */
    private Set<String> heldCases() {
        Set<String> held = new HashSet<>();
        mongo.getCollection(LEGAL_HOLDS)
                .find(Filters.eq("target", "CASE"))
                .projection(Projections.include("targetId"))
                .forEach(hold -> held.add(hold.getString("targetId")));
        return held;
    }

    private static Bson due(String eServiceId, String clockStart, Instant cutoff, String caseType) {
        List<Bson> conditions = new ArrayList<>(List.of(
                Filters.eq(CaseFields.E_SERVICE_ID, eServiceId),
                Filters.lte(clockField(clockStart), Date.from(cutoff))));
        if (caseType != null) {
            conditions.add(Filters.eq(CaseFields.CASE_TYPE, caseType));
        }
        return Filters.and(conditions);
    }

    /** In no purge yet and not held. */
    private static Bson free() {
        return Filters.and(Filters.exists(CaseFields.PURGE_ID, false), Filters.exists(CaseFields.HOLD, false));
    }

    private static String clockField(String clockStart) {
        return switch (clockStart) {
            case "SUBMITTED" -> CaseFields.SUBMITTED_AT;
            case "CLOSED" -> CaseFields.CLOSED_AT;
            default -> throw new IllegalArgumentException("unknown clock start " + clockStart);
        };
    }

    private static Document batch(String purgeId, int number, List<String> caseIds) {
        return new Document("_id", batchId(purgeId, number))
                .append("purgeId", purgeId)
                .append("number", number)
                .append("caseIds", caseIds);
    }

    private static String batchId(String purgeId, int number) {
        return purgeId + ":" + number;
    }
}
