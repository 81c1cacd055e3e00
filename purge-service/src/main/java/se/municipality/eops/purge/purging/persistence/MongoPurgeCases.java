package se.municipality.eops.purge.purging.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import se.municipality.eops.purge.cases.persistence.CaseFields;
import se.municipality.eops.purge.purging.domain.HeldBack;
import se.municipality.eops.purge.purging.domain.PurgeCases;

/**
 * Works on the cases index with the driver's own types, in bulk: one multi-document update assigns a purge's
 * cases, one query splits them into batch documents ({@value #BATCHES}, {@code _id} = purge and number), and each
 * batch is then read and deleted by case id (the primary key), so execution never scans the collection.
 */
@Repository
class MongoPurgeCases implements PurgeCases {

    static final String BATCHES = "purge_batches";

    private final MongoTemplate mongo;

    MongoPurgeCases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> cases() {
        return mongo.getCollection(CaseFields.COLLECTION);
    }

    @Override
    public Selection assignTestCases(String purgeId, String eServiceId) {
        Bson testCases =
                Filters.and(Filters.eq(CaseFields.E_SERVICE_ID, eServiceId), Filters.eq(CaseFields.TEST, true), free());
        cases().updateMany(testCases, Updates.set(CaseFields.PURGE_ID, purgeId));
        return selection(purgeId, CaseFields.SUBMITTED_AT);
    }

    @Override
    public Selection assignDue(String purgeId, String eServiceId, String clockStart, Instant cutoff, String caseType) {
        cases().updateMany(
                        Filters.and(due(eServiceId, clockStart, cutoff, caseType), free()),
                        Updates.set(CaseFields.PURGE_ID, purgeId));
        return selection(purgeId, clockField(clockStart));
    }

    @Override
    public List<HeldBack> heldBackDue(String eServiceId, String clockStart, Instant cutoff, String caseType) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        cases().find(Filters.and(due(eServiceId, clockStart, cutoff, caseType), Filters.exists(CaseFields.HOLD)))
                .projection(Projections.include(CaseFields.HOLD))
                .forEach(held ->
                        byReason.merge(held.get(CaseFields.HOLD, Document.class).getString("reason"), 1L, Long::sum));
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
    public int writeBatches(String purgeId, int batchSize) {
        MongoCollection<Document> batches = mongo.getCollection(BATCHES);
        // Made again from the assigned cases if a crash came between this and storing the purge.
        batches.deleteMany(Filters.eq("purgeId", purgeId));
        List<Document> documents = new ArrayList<>();
        List<String> current = new ArrayList<>(batchSize);
        for (Document assigned : cases().find(Filters.eq(CaseFields.PURGE_ID, purgeId))
                .projection(Projections.include("_id"))
                .sort(Sorts.ascending("_id"))) {
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
        return documents.size();
    }

    @Override
    public List<String> batchCasesToDelete(String purgeId, int number) {
        Document batch = mongo.getCollection(BATCHES)
                .find(Filters.eq("_id", batchId(purgeId, number)))
                .first();
        if (batch == null) {
            return List.of();
        }
        List<String> planned = batch.getList("caseIds", String.class);
        Set<String> stillThere = cases().find(Filters.and(
                        Filters.in("_id", planned),
                        Filters.eq(CaseFields.PURGE_ID, purgeId),
                        Filters.exists(CaseFields.HOLD, false)))
                .projection(Projections.include("_id"))
                .map(document -> document.getString("_id"))
                .into(new java.util.HashSet<>());
        return planned.stream().filter(stillThere::contains).collect(Collectors.toList());
    }

    @Override
    public void delete(String purgeId, List<String> caseIds) {
        if (!caseIds.isEmpty()) {
            cases().deleteMany(Filters.and(Filters.in("_id", caseIds), Filters.eq(CaseFields.PURGE_ID, purgeId)));
        }
    }

    @Override
    public long release(String purgeId) {
        long released = cases().updateMany(Filters.eq(CaseFields.PURGE_ID, purgeId), Updates.unset(CaseFields.PURGE_ID))
                .getModifiedCount();
        mongo.getCollection(BATCHES).deleteMany(Filters.eq("purgeId", purgeId));
        return released;
    }

    private Selection selection(String purgeId, String clockField) {
        long count = 0;
        Instant oldest = null;
        Instant newest = null;
        for (Document assigned :
                cases().find(Filters.eq(CaseFields.PURGE_ID, purgeId)).projection(Projections.include(clockField))) {
            count++;
            Date started = assigned.getDate(clockField);
            if (started != null) {
                Instant at = started.toInstant();
                oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
                newest = newest == null || at.isAfter(newest) ? at : newest;
            }
        }
        return new Selection(count, oldest, newest);
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
