package se.municipality.eops.purge.purging.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
 * Works on the cases index with the driver's own types, in bulk, so that a purge costs one pass over the cases
 * whatever their number. Making a purge reads its due cases once, in id order, and stores them as batch documents
 * ({@value #BATCHES}, {@code _id} = purge and number): the claim; no case document is written. Executing it deletes
 * a step's cases by primary key, {@code _id: {$in: [...]}} of at most {@value #IDS_PER_DELETE} ids per statement,
 * which every server answers from its {@code _id} index (the local MongoDB-protocol server too: it serves no
 * other query of the purge from an index).
 */
@Repository
class MongoPurgeCases implements PurgeCases {

    static final String BATCHES = "purge_batches";

    /** Ids per delete statement: 10,000 ids of ~50 bytes keep a statement far below MongoDB's 16 MB. */
    static final int IDS_PER_DELETE = 10_000;

    private final MongoTemplate mongo;

    MongoPurgeCases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> cases() {
        return mongo.getCollection(CaseFields.COLLECTION);
    }

    private MongoCollection<Document> batches() {
        return mongo.getCollection(BATCHES);
    }

    @Override
    public Selection claimTestCases(String purgeId, String eServiceId, Exclusions exclusions, int batchSize) {
        return claim(
                purgeId,
                eServiceId,
                Filters.and(Filters.eq(CaseFields.E_SERVICE_ID, eServiceId), Filters.eq(CaseFields.TEST, true)),
                CaseFields.SUBMITTED_AT,
                exclusions,
                batchSize);
    }

    @Override
    public Selection claimDue(
            String purgeId,
            String eServiceId,
            String clockStart,
            Instant cutoff,
            String caseType,
            Exclusions exclusions,
            int batchSize) {
        return claim(
                purgeId,
                eServiceId,
                due(eServiceId, clockStart, cutoff, caseType),
                clockField(clockStart),
                exclusions,
                batchSize);
    }

    /**
     * One pass over the matching cases in id order: held ones and those of open purges are counted and left out,
     * the rest split into batches, stored in one insert.
     */
    private Selection claim(
            String purgeId, String eServiceId, Bson filter, String clockField, Exclusions exclusions, int batchSize) {
        // A retry of the same purge id (a crash before the purge was stored) claims afresh.
        batches().deleteMany(Filters.eq("purgeId", purgeId));
        Set<String> claimed = claimedBy(eServiceId, exclusions.openPurges());
        Map<String, String> held = exclusions.heldCases();
        Map<String, Long> heldBack = new LinkedHashMap<>();
        long inOtherPurges = 0;
        List<String> claiming = new ArrayList<>();
        Instant oldest = null;
        Instant newest = null;
        // Sorted here, not by the server: the local one sorts with a generic document comparator, far slower.
        for (Document found : cases().find(filter)
                .projection(Projections.include("_id", clockField))
                .batchSize(10_000)) {
            String caseId = found.getString("_id");
            String holdReason = held.get(caseId);
            if (holdReason != null) {
                heldBack.merge(holdReason, 1L, Long::sum);
                continue;
            }
            if (claimed.contains(caseId)) {
                inOtherPurges++;
                continue;
            }
            Date started = found.getDate(clockField);
            if (started != null) {
                Instant at = started.toInstant();
                oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
                newest = newest == null || at.isAfter(newest) ? at : newest;
            }
            claiming.add(caseId);
        }
        Collections.sort(claiming);
        List<Document> documents = new ArrayList<>();
        for (int from = 0; from < claiming.size(); from += batchSize) {
            documents.add(batch(
                    purgeId,
                    eServiceId,
                    documents.size() + 1,
                    claiming.subList(from, Math.min(claiming.size(), from + batchSize))));
        }
        if (!documents.isEmpty()) {
            batches().insertMany(documents);
        }
        long count = claiming.size();
        List<HeldBack> heldBackList = heldBack.entrySet().stream()
                .map(entry -> new HeldBack(entry.getKey(), entry.getValue()))
                .toList();
        return new Selection(documents.size(), count, oldest, newest, heldBackList, inOtherPurges);
    }

    /** The cases in the stored batches of the e-service's open purges. */
    private Set<String> claimedBy(String eServiceId, Collection<String> openPurges) {
        Set<String> claimed = new HashSet<>();
        if (openPurges.isEmpty()) {
            return claimed;
        }
        Set<String> open = Set.copyOf(openPurges);
        for (Document batch : batches()
                .find(Filters.eq(CaseFields.E_SERVICE_ID, eServiceId))
                .projection(Projections.include("purgeId", "caseIds"))) {
            if (open.contains(batch.getString("purgeId"))) {
                claimed.addAll(batch.getList("caseIds", String.class));
            }
        }
        return claimed;
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
    public List<TakenBatch> take(String purgeId, int from, int to) {
        Bson range =
                Filters.and(Filters.eq("purgeId", purgeId), Filters.gte("number", from), Filters.lte("number", to));
        // The mark first: a platform deletion that comes after it no longer changes these batches.
        batches().updateMany(range, Updates.set("taken", true));
        List<TakenBatch> taken = new ArrayList<>();
        for (Document batch : batches().find(range).sort(Sorts.ascending("number"))) {
            Number deletedByPlatform = batch.get("deletedByPlatform", Number.class);
            taken.add(new TakenBatch(
                    batch.getInteger("number"),
                    batch.getList("caseIds", String.class),
                    deletedByPlatform == null ? 0 : deletedByPlatform.longValue()));
        }
        return taken;
    }

    @Override
    public boolean withdrawDeletedByPlatform(String caseId) {
        return batches()
                        .updateOne(
                                Filters.and(Filters.eq("caseIds", caseId), Filters.ne("taken", true)),
                                Updates.combine(Updates.pull("caseIds", caseId), Updates.inc("deletedByPlatform", 1)))
                        .getModifiedCount()
                > 0;
    }

    /**
     * Adds the ids to the batch's tombstone, never replaces it: two runners of the same purge (a resumption beside a
     * live one) may compute a batch apart (a hold set between them), and the one that loses the purge's versioned
     * write must not strip an id the winner deleted. An id of a case that stayed (held when the winner ran) may so be
     * remembered too; it only keeps the index from taking back what it still has.
     *
     * <p>A batch's tombstone is inserted whole when it is new (the rule: one runner); only a tombstone that exists
     * already (a runner before this one wrote it) gets the ids added with {@code $addToSet}, which the local
     * MongoDB-protocol server does one id against every id held (a thousand-id batch: a million comparisons), so
     * doing it for every batch doubled the purge's execution in the benchmark.
     */
    @Override
    public void rememberPurged(String purgeId, Map<Integer, List<String>> caseIdsByBatch) {
        if (caseIdsByBatch.isEmpty()) {
            return;
        }
        MongoCollection<Document> tombstones = mongo.getCollection(CaseFields.PURGED_COLLECTION);
        List<Integer> numbers = new ArrayList<>(caseIdsByBatch.keySet());
        List<Document> fresh = new ArrayList<>(numbers.size());
        numbers.forEach(number -> fresh.add(new Document("_id", batchId(purgeId, number))
                .append("purgeId", purgeId)
                .append(CaseFields.PURGED_CASE_IDS, caseIdsByBatch.get(number))));
        List<Integer> existing = new ArrayList<>();
        try {
            tombstones.insertMany(fresh, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException written) {
            for (BulkWriteError error : written.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw written;
                }
                existing.add(numbers.get(error.getIndex()));
            }
        }
        if (existing.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> additions = new ArrayList<>(existing.size());
        existing.forEach(number -> additions.add(new UpdateOneModel<>(
                Filters.eq("_id", batchId(purgeId, number)),
                Updates.combine(
                        Updates.setOnInsert("purgeId", purgeId),
                        Updates.addEachToSet(CaseFields.PURGED_CASE_IDS, caseIdsByBatch.get(number))),
                new UpdateOptions().upsert(true))));
        tombstones.bulkWrite(additions, new BulkWriteOptions().ordered(false));
    }

    /**
     * Deletes by primary key alone: the ids come from the purge's batches, which no other open purge shares, and
     * only what the purge recorded as deleted is passed here.
     */
    @Override
    public void delete(List<String> caseIds) {
        if (caseIds.isEmpty()) {
            return;
        }
        List<DeleteManyModel<Document>> deletes = new ArrayList<>();
        for (int from = 0; from < caseIds.size(); from += IDS_PER_DELETE) {
            deletes.add(new DeleteManyModel<>(
                    Filters.in("_id", caseIds.subList(from, Math.min(caseIds.size(), from + IDS_PER_DELETE)))));
        }
        cases().bulkWrite(deletes, new BulkWriteOptions().ordered(false));
    }

    @Override
    public void dropBatches(String purgeId) {
        batches().deleteMany(Filters.eq("purgeId", purgeId));
    }

    @Override
    public long dropBatchesOfClosedPurges(String eServiceId, Collection<String> openPurges) {
        return batches()
                .deleteMany(Filters.and(
                        Filters.eq(CaseFields.E_SERVICE_ID, eServiceId), Filters.nin("purgeId", openPurges)))
                .getDeletedCount();
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

    private static String clockField(String clockStart) {
        return switch (clockStart) {
            case "SUBMITTED" -> CaseFields.SUBMITTED_AT;
            case "CLOSED" -> CaseFields.CLOSED_AT;
            default -> throw new IllegalArgumentException("unknown clock start " + clockStart);
        };
    }

    private static Document batch(String purgeId, String eServiceId, int number, List<String> caseIds) {
        return new Document("_id", batchId(purgeId, number))
                .append("purgeId", purgeId)
                .append(CaseFields.E_SERVICE_ID, eServiceId)
                .append("number", number)
                .append("caseIds", caseIds);
    }

    private static String batchId(String purgeId, int number) {
        return purgeId + ":" + number;
    }
}
