package se.municipality.eops.purge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.purge.cases.application.CaseImport;
import se.municipality.eops.purge.cases.domain.IndexedCase;
import se.municipality.eops.purge.purging.application.PlanApproval;
import se.municipality.eops.purge.purging.application.RetentionPlanning;
import se.municipality.eops.purge.purging.domain.PurgeLog;
import se.municipality.eops.purge.purging.domain.PurgeStatus;
import se.municipality.eops.purge.rules.application.RuleMaintenance;
import se.municipality.eops.purge.rules.domain.ClockStart;
import se.municipality.eops.purge.rules.domain.RetentionRule;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.ServiceIntegrationTest;

/**
 * The purge benchmark: a documented command, not a test of the build (its name matches neither *Test nor *IT).
 * Seeds {@code bench.cases} cases and measures, in one run against one MongoDB-protocol server and one broker, the
 * bulk import beside the driver's raw {@code insertMany} of the same documents, and a retention purge of {@code
 * bench.due} due cases (plan, approval, execution in batches, log, every CasesPurged and PurgeCompleted on Kafka)
 * beside the driver's raw {@code deleteMany} of the same cases. It checks the results, never the times; it prints a
 * table and writes it to {@code target/purge-benchmark.md}. Run it as the README says.
 */
@ServiceIntegrationTest
class PurgeBenchmark {

    private static final int CASES = Integer.getInteger("bench.cases", 1_000_000);
    private static final int DUE = Integer.getInteger("bench.due", 100_000);
    private static final int RAW_BATCH = CaseImport.BATCH;
    private static final int WARM_UP_CASES = 100_000;
    private static final int WARM_UP_PURGES = 5;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final Instant OLD = Instant.parse("2015-06-01T08:00:00Z");
    private static final Instant RECENT = Instant.parse("2026-06-01T08:00:00Z");

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CaseImport caseImport;

    @Autowired
    RuleMaintenance rules;

    @Autowired
    RetentionPlanning planning;

    @Autowired
    PlanApproval approval;

    @Autowired
    PurgeLog purgeLog;

    @Test
    void purgeAndImportBesideTheRawDriver() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String dueEService = "es-bench-" + run;
        warmUp(run);

        List<IndexedCase> cases = seededCases(run, dueEService);
        double rawInsertRate = rawInsertMany(cases, "bench_raw_" + run);
        long started = System.nanoTime();
        long imported = caseImport.importAll(cases);
        double importRate = CASES / seconds(started);
        assertThat(imported).isEqualTo(CASES);

        // Purge and raw delete alternately, ROUNDS times each on the same cases, and the medians compared: one pair
        // measured once moved with whatever else the machine did in that second (0.19× to 0.46× in six runs of one
        // code on 2026-12-08).
        List<IndexedCase> due = cases.subList(0, DUE);
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Round measured = purgeThenRawDelete(run, round, dueEService, due);
            rounds.add(measured);
            if (round < ROUNDS) {
                // The same cases again for the next round's purge (by the driver: the index refuses purged ids).
                insertRaw(due, mongo.getCollection("cases"));
            }
        }
        mongo.getCollection("cases").deleteMany(Filters.regex("eServiceId", "^es-bench-"));
        Round median = Round.median(rounds);
        double purgeSeconds = median.purgeSeconds();
        double purgeRate = DUE / purgeSeconds;
        double rawDeleteSeconds = median.rawDeleteSeconds();
        double rawDeleteRate = DUE / rawDeleteSeconds;
        double planSeconds = median.planSeconds();
        double executedSeconds = median.executedSeconds();

        String table = String.format(
                Locale.ROOT,
                """
                | figure | measured | baseline, same run | ratio | target |
                |---|---|---|---|---|
                | bulk import of %,d cases (NDJSON path's bulk writes) | %,.0f cases/s | raw insertMany, same documents: %,.0f docs/s | %.2f× | ≥ 0.5× |
                | retention purge of %,d due cases among %,d (plan + approval + batches + log + events on Kafka), median of %d | %,.0f cases/s (%.2f s) | raw deleteMany of the same cases, median of %d: %,.0f docs/s (%.2f s) | %.2f× | ≥ 0.5× |

                Where the median purge's time went: making the plan %.2f s, approval and execution until the purge was stored as completed %.2f s, the last events reaching Kafka %.2f s.

                Each round, purge then raw deleteMany of the same cases:
                %s
                """,
                CASES,
                importRate,
                rawInsertRate,
                importRate / rawInsertRate,
                DUE,
                CASES,
                ROUNDS,
                purgeRate,
                purgeSeconds,
                ROUNDS,
                rawDeleteRate,
                rawDeleteSeconds,
                purgeRate / rawDeleteRate,
                planSeconds,
                executedSeconds - planSeconds,
                purgeSeconds - executedSeconds,
                Round.lines(rounds));
        System.out.println(table);
        Files.writeString(Path.of("target", "purge-benchmark.md"), table);
    }

    /**
     * Every measured path once on a small set first (import and raw insert, a whole purge and a raw delete), so none
     * pays the JIT's and the server's warm-up alone: the raw delete runs after the purge and would otherwise find
     * the server's query code compiled by the purge's plan.
     */
    private void warmUp(String run) {
        String warmEService = "es-bench-warm-" + run;
        List<IndexedCase> warm = new ArrayList<>();
        for (int i = 0; i < WARM_UP_CASES; i++) {
            warm.add(new IndexedCase(
                    "warm-" + run + "-" + i, warmEService, i % 2 == 0 ? OLD : RECENT, null, false, null));
        }
        rawInsertMany(warm, "bench_warm_" + run);
        caseImport.importAll(warm);
        for (int round = 0; round < WARM_UP_PURGES; round++) {
            RetentionRule rule = rules.create(retentionRule(warmEService, "WARM " + run + " " + round), "bench");
            String planId = planning.planRule(rule.ruleId(), "arvid").id();
            approval.approve(planId, "astrid");
            awaitCompleted(planId);
            List<IndexedCase> due = warm.stream()
                    .filter(indexed -> indexed.submittedAt().equals(OLD))
                    .toList();
            insertRaw(due, mongo.getCollection("cases"));
            mongo.getCollection("cases").deleteMany(dueFilter(warmEService));
            insertRaw(due, mongo.getCollection("cases"));
        }
        mongo.getCollection("cases").deleteMany(Filters.eq("eServiceId", warmEService));
    }

    private static RetentionRule retentionRule(String eServiceId, String decisionReference) {
        return new RetentionRule(
                "",
                1,
                eServiceId,
                "Benchmark committee",
                "1.1",
                decisionReference,
                null,
                Period.ofYears(2),
                ClockStart.SUBMITTED,
                null,
                true,
                "",
                Instant.EPOCH);
    }

    /** The query a hand-written purge of the due cases would use. */
    private static Bson dueFilter(String eServiceId) {
        return Filters.and(Filters.eq("eServiceId", eServiceId), Filters.lte("submittedAt", Date.from(OLD)));
    }

    private void awaitCompleted(String planId) {
        // Its status alone, by id: a read of the whole purge (its pending events, the ids being deleted) would
        // compete with the execution for the server, and a coarse poll would add its slack to the figure.
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> PurgeStatus.COMPLETED
                        .name()
                        .equals(mongo.getCollection("purges")
                                .find(Filters.eq("_id", planId))
                                .projection(Projections.include("status"))
                                .first()
                                .getString("status")));
    }

    /** The due cases first (one e-service), then the rest spread over 50 other e-services, recent. */
    private static List<IndexedCase> seededCases(String run, String dueEService) {
        List<IndexedCase> cases = new ArrayList<>(CASES);
        for (int i = 0; i < CASES; i++) {
            boolean due = i < DUE;
            cases.add(new IndexedCase(
                    "bench-" + run + "-" + i,
                    due ? dueEService : "es-bench-other-" + (i % 50),
                    due ? OLD : RECENT,
                    i % 2 == 0 ? (due ? OLD : RECENT).plusSeconds(86_400) : null,
                    i % 100 == 0,
                    null));
        }
        return cases;
    }

    /** The driver alone: the same documents, the same batch size, unordered, into a collection of its own. */
    private double rawInsertMany(List<IndexedCase> cases, String collectionName) {
        MongoCollection<Document> collection = mongo.getCollection(collectionName);
        long started = System.nanoTime();
        insertRaw(cases, collection);
        double rate = cases.size() / seconds(started);
        collection.drop();
        return rate;
    }

    private static void insertRaw(List<IndexedCase> cases, MongoCollection<Document> collection) {
        for (int from = 0; from < cases.size(); from += RAW_BATCH) {
            List<Document> batch = new ArrayList<>(RAW_BATCH);
            for (IndexedCase indexed : cases.subList(from, Math.min(cases.size(), from + RAW_BATCH))) {
                Document document = new Document("_id", indexed.caseId())
                        .append("eServiceId", indexed.eServiceId())
                        .append("submittedAt", Date.from(indexed.submittedAt()))
                        .append("test", indexed.test());
                if (indexed.closedAt() != null) {
                    document.append("closedAt", Date.from(indexed.closedAt()));
                }
                batch.add(document);
            }
            collection.insertMany(batch, new InsertManyOptions().ordered(false));
        }
    }

    private static void awaitPurgeCompletedOnKafka(String planId) {
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !PublishedEvents.get()
                        .find(Topics.PURGE_EVENTS, "PurgeCompleted", event -> planId.equals(event.key()))
                        .isEmpty());
    }

    /**
     * One round: a retention purge of the due cases (plan, approval, execution, log, the last event on Kafka) under a
     * rule of its own, checked; then the same cases inserted again by the driver and deleted by its raw {@code
     * deleteMany} with the query a hand-written purge would use.
     */
    private Round purgeThenRawDelete(String run, int round, String dueEService, List<IndexedCase> due) {
        RetentionRule rule = rules.create(retentionRule(dueEService, "BENCH " + run + " " + round), "bench");
        long started = System.nanoTime();
        String planId = planning.planRule(rule.ruleId(), "arvid").id();
        double planSeconds = seconds(started);
        approval.approve(planId, "astrid");
        awaitCompleted(planId);
        double executedSeconds = seconds(started);
        awaitPurgeCompletedOnKafka(planId);
        double purgeSeconds = seconds(started);
        assertThat(mongo.getCollection("cases").countDocuments(Filters.eq("eServiceId", dueEService)))
                .isZero();
        assertThat(purgeLog.all().stream().filter(entry -> planId.equals(entry.purgeId())))
                .singleElement()
                .satisfies(entry -> assertThat(entry.purgedCount()).isEqualTo(DUE));

        insertRaw(due, mongo.getCollection("cases"));
        started = System.nanoTime();
        long deleted =
                mongo.getCollection("cases").deleteMany(dueFilter(dueEService)).getDeletedCount();
        double rawDeleteSeconds = seconds(started);
        assertThat(deleted).isEqualTo(DUE);
        return new Round(planSeconds, executedSeconds, purgeSeconds, rawDeleteSeconds);
    }

    /** One round's times, in seconds from the plan's start (the purge's) and of the raw delete. */
    private record Round(double planSeconds, double executedSeconds, double purgeSeconds, double rawDeleteSeconds) {

        /** The round whose purge took the median time, with the median raw delete of all rounds. */
        static Round median(List<Round> rounds) {
            List<Round> byPurge = rounds.stream()
                    .sorted(java.util.Comparator.comparingDouble(Round::purgeSeconds))
                    .toList();
            double[] raw = rounds.stream()
                    .mapToDouble(Round::rawDeleteSeconds)
                    .sorted()
                    .toArray();
            Round middle = byPurge.get(byPurge.size() / 2);
            return new Round(
                    middle.planSeconds(), middle.executedSeconds(), middle.purgeSeconds(), raw[raw.length / 2]);
        }

        static String lines(List<Round> rounds) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < rounds.size(); i++) {
                Round round = rounds.get(i);
                lines.append(String.format(
                        Locale.ROOT,
                        "%s- round %d: purge %.2f s (plan %.2f s), raw deleteMany %.2f s: %.2f×",
                        i == 0 ? "" : "\n",
                        i + 1,
                        round.purgeSeconds(),
                        round.planSeconds(),
                        round.rawDeleteSeconds(),
                        round.rawDeleteSeconds() / round.purgeSeconds()));
            }
            return lines.toString();
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
