package se.municipality.eops.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.systemtests.ServiceProcess;
import se.municipality.eops.systemtests.Suite;
import tools.jackson.databind.JsonNode;

/**
 * A retention purge of flow 6 for an e-service of the test's own: cases old enough to be due and young ones fed
 * through the platform's topic, one due case under legal hold, a rule, a plan made by Arvid and approved by Astrid;
 * checked at the end for having purged exactly the due, unheld cases, each once, with one purge-log entry.
 */
final class RetentionPurgeFlow {

    private final Suite suite;
    private final FaultFlows flows;
    final String eServiceId;
    final List<String> toPurge;
    final List<String> kept;
    final String planId;

    private RetentionPurgeFlow(Suite suite, FaultFlows flows, String prefix, int dueCases) {
        this.suite = suite;
        this.flows = flows;
        this.eServiceId = FaultFlows.unique(prefix);
        List<String> due = flows.submitCases(eServiceId, "due", dueCases, false, Duration.ofDays(3 * 365));
        kept = new ArrayList<>(flows.submitCases(eServiceId, "young", 3, false, Duration.ofDays(30)));
        flows.awaitCasesIndexed();
        String held = due.get(dueCases / 2);
        flows.holdCase(held);
        kept.add(held);
        toPurge = new ArrayList<>(due);
        toPurge.remove(held);
        planId = flows.createPlan(flows.createRetentionRule(eServiceId));
        assertThat(flows.purge(planId).at("/preview/dueCount").asLong())
                .as("the preview of " + planId)
                .isEqualTo(toPurge.size());
    }

    /** Cases fed and indexed, a hold, a rule and a plan waiting for approval. */
    static RetentionPurgeFlow planned(Suite suite, FaultFlows flows, String prefix, int dueCases) {
        return new RetentionPurgeFlow(suite, flows, prefix, dueCases);
    }

    /** Astrid approves through the given replica; the purge starts executing there. */
    RetentionPurgeFlow approveOn(ServiceProcess replica) {
        flows.approvePlan(planId, replica);
        return this;
    }

    /**
     * Completed, every due and unheld case purged and named in exactly one CasesPurged, one PurgeCompleted, one
     * purge-log entry, and the held and young cases still in the index.
     */
    void assertPurgedOnce() {
        JsonNode completed = flows.awaitPurgeStatus(planId, "COMPLETED");
        assertThat(completed.get("purgedCount").asLong()).isEqualTo(toPurge.size());
        assertThat(flows.purgedCaseIds(planId))
                .as("every due, unheld case once")
                .containsExactlyInAnyOrderElementsOf(toPurge);
        assertThat(flows.distinct(
                        Topics.PURGE_EVENTS,
                        "PurgeCompleted",
                        event -> planId.equals(FaultFlows.field(event, "purgeId"))))
                .hasSize(1);
        List<JsonNode> logged = flows.purgeLogEntries(planId);
        assertThat(logged).as("purge log entries of " + planId).hasSize(1);
        assertThat(logged.get(0).get("purgedCount").asLong()).isEqualTo(toPurge.size());
        assertThat(casesInIndex()).as("the cases left in the index").containsExactlyInAnyOrderElementsOf(kept);
    }

    /** The e-service's cases in purge-service's index (its database, read as an operator would). */
    List<String> casesInIndex() {
        List<String> left = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(suite.mongoUri())) {
            mongo.getDatabase("eops-purge")
                    .getCollection("cases")
                    .find(Filters.eq("eServiceId", eServiceId))
                    .forEach(document -> left.add(document.getString("_id")));
        }
        return left;
    }

    /** The purge as purge-service stored it (to tell where a kill left it). */
    Document stored() {
        try (MongoClient mongo = MongoClients.create(suite.mongoUri())) {
            return mongo.getDatabase("eops-purge")
                    .getCollection("purges")
                    .find(Filters.eq("_id", planId))
                    .first();
        }
    }
}
