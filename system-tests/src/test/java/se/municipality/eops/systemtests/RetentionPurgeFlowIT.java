package se.municipality.eops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.systemtests.Flows.ANNA;
import static se.municipality.eops.systemtests.Flows.ARCHIVISTS;
import static se.municipality.eops.systemtests.Flows.PURGE_EVENTS;
import static se.municipality.eops.systemtests.Flows.text;
import static se.municipality.eops.systemtests.Flows.unique;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.platform.PurgeBatchAcknowledged;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import tools.jackson.databind.JsonNode;

/** Flow 6 of the issue: a retention purge, from the platform's cases to a subscriber's acknowledgement. */
@SystemTest
class RetentionPurgeFlowIT {

    private final Suite suite = Suite.get();
    private final Flows flows = new Flows(suite);

    /**
     * Cases on both sides of a two-year rule (seeded with old submission dates: no clock is moved), one due case
     * under legal hold; a RETENTION request makes the plan, its preview counts the due cases and names the hold;
     * the plan's creator may not approve it, an archivist does; exactly the due, unheld cases are purged, the purge
     * log has its entry, and a registered subscriber (this test, over Kafka) acknowledges the batch.
     */
    @Test
    void aRetentionPurgePurgesExactlyTheDueUnheldCasesAndASubscriberAcknowledges() {
        String es = unique("es-ret");
        String decision = "SN " + es;
        Instant threeYearsAgo = Instant.now().minus(3 * 365, ChronoUnit.DAYS);
        Instant lastYear = Instant.now().minus(365, ChronoUnit.DAYS);
        List<String> due = List.of(es + "-d1", es + "-d2", es + "-d3");
        String held = es + "-h1";
        List<String> notDue = List.of(es + "-n1", es + "-n2");

        HttpAnswer rule = suite.http(Service.PURGE)
                .post("/api/retention-rules", suite.token("arvid"), """
                        {"eServiceId":"%s","committee":"Socialnämnden","planRowReference":"4.2.1",
                         "decisionReference":"%s","decisionDate":"2024-01-15","retentionPeriod":"P2Y",
                         "clockStart":"SUBMITTED","active":true}""".formatted(es, decision));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        String ruleId = text(rule.json(), "ruleId");

        double indexed = flows.casesIndexed();
        due.forEach(caseId -> flows.caseSubmitted(caseId, es, threeYearsAgo, false));
        flows.caseSubmitted(held, es, threeYearsAgo, false);
        notDue.forEach(caseId -> flows.caseSubmitted(caseId, es, lastYear, false));
        flows.awaitCasesIndexed(indexed, 6);

        HttpAnswer hold = suite.http(Service.PURGE)
                .post(
                        "/api/legal-holds",
                        suite.token("arvid"),
                        "{\"caseId\":\"" + held + "\",\"reason\":\"Överklagat " + es + "\"}");
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        String subscriber = unique("archive-system");
        HttpAnswer registered = suite.http(Service.PURGE)
                .call(
                        org.springframework.http.HttpMethod.PUT,
                        "/api/subscribers/" + subscriber,
                        suite.token("cecilia"),
                        "{\"name\":\"Arkivsystemet " + es + "\"}");
        assertThat(registered.status()).as(registered.body()).isBetween(200, 204);

        String id = flows.file("anna", """
                {"type":"PURGE","purge":{"kind":"RETENTION","eServiceId":"%s","eServiceName":"Ekonomiskt bistånd %s",
                 "committee":"Socialnämnden","purgeDecisionReference":"%s"}}""".formatted(es, es, decision));
        flows.awaitStatus(id, "anna", "WAITING_FOR_PURGE_APPROVAL");
        String planId = "plan-" + id + "-" + ruleId;

        // The preview: three due, the held one named with its reason.
        JsonNode plan = purge(planId);
        assertThat(plan.get("preview").get("dueCount").asLong()).isEqualTo(3);
        assertThat(plan.get("preview").get("heldBack").toString()).contains("Överklagat " + es);
        assertThat(plan.get("heldBackCount").asLong()).isEqualTo(1);
        assertThat(text(plan, "createdBy")).isEqualTo("anna");

        // Its creator may not approve it; an archivist may.
        assertThat(approve(planId, "anna").status()).isEqualTo(403);
        HttpAnswer approved = approve(planId, "arvid");
        assertThat(approved.status()).as(approved.body()).isBetween(200, 202);

        JsonNode completed = flows.awaitStatus(id, "anna", "COMPLETED");
        assertThat(Flows.statusSteps(completed))
                .as(Flows.timeline(completed).toString())
                .containsExactly("SUBMITTED", "WAITING_FOR_PURGE_APPROVAL", "IN_PROGRESS", "COMPLETED");
        assertThat(Flows.timeline(completed).toString())
                .contains("PurgePlanCreated", "PurgePlanApproved", "PurgeCompleted");

        // Exactly the due, unheld cases. The request completed on PurgeCompleted, which the test's capture may not
        // have read yet; once it has, every CasesPurged before it (same key, same partition) is captured too.
        flows.awaitEvent(PURGE_EVENTS, "PurgeCompleted", event -> planId.equals(event.key()));
        List<CapturedEvent> purged =
                suite.events().find(PURGE_EVENTS, "CasesPurged", event -> planId.equals(event.key()));
        List<String> purgedIds = new ArrayList<>();
        purged.forEach(event -> Flows.json(event).get("caseIds").forEach(caseId -> purgedIds.add(caseId.asString())));
        assertThat(purgedIds).containsExactlyInAnyOrderElementsOf(due);
        assertThat(suite.events()
                        .find(
                                PURGE_EVENTS,
                                "CasesPurged",
                                event -> event.payloadContains(held)
                                        || notDue.stream().anyMatch(event::payloadContains)))
                .isEmpty();
        JsonNode done = purge(planId);
        assertThat(done.get("purgedCount").asLong()).isEqualTo(3);
        assertThat(text(done, "approvedBy")).isEqualTo("arvid");

        // The purge log entry, once.
        HttpAnswer log = suite.http(Service.PURGE).get("/api/purge-log", suite.token("astrid"));
        List<JsonNode> entries = new ArrayList<>();
        log.json().forEach(entry -> {
            if (planId.equals(text(entry, "purgeId"))) {
                entries.add(entry);
            }
        });
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("purgedCount").asLong()).isEqualTo(3);
        assertThat(entry.get("heldBackCount").asLong()).isEqualTo(1);
        assertThat(text(entry, "decisionReference")).isEqualTo(decision);
        assertThat(text(entry, "approvedBy")).isEqualTo("arvid");

        // What is left: nothing due but the held case (a new plan finds no more); and four eyes for an archivist too.
        HttpAnswer second = suite.http(Service.PURGE)
                .post("/api/purges/plans", suite.token("arvid"), "{\"ruleId\":\"" + ruleId + "\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("preview").get("dueCount").asLong()).isZero();
        assertThat(second.json().get("heldBackCount").asLong()).isEqualTo(1);
        assertThat(approve(text(second.json(), "purgeId"), "arvid").status()).isEqualTo(403);

        // The registered subscriber acknowledges the batch over Kafka.
        CapturedEvent batch = purged.get(0);
        int batchNumber = Flows.json(batch).get("batchNumber").asInt();
        assertThat(purge(planId)
                        .get("batches")
                        .get(0)
                        .get("expectedSubscribers")
                        .toString())
                .contains(subscriber);
        flows.publishAsPlatform(
                new PurgeBatchAcknowledged(UUID.randomUUID(), planId, Instant.now(), subscriber, batchNumber));
        await("the acknowledgement of " + subscriber)
                .atMost(Flows.FLOW_STEP)
                .until(() -> purge(planId)
                        .get("batches")
                        .get(0)
                        .get("acknowledgedBy")
                        .toString()
                        .contains(subscriber));

        // Events in order per aggregate.
        assertThat(flows.typesOf(PURGE_EVENTS, planId))
                .containsExactly("PurgePlanCreated", "PurgePlanApproved", "CasesPurged", "PurgeCompleted");
        flows.assertRequestEventsInOrder(
                id, List.of("WAITING_FOR_PURGE_APPROVAL", "IN_PROGRESS", "COMPLETED"), "RequestCompleted");

        flows.assertMails(ARCHIVISTS, 1, "Gallringsplan väntar på godkännande", planId);
        flows.assertMails(ANNA, 1, "Vi har tagit emot din begäran", id);
        flows.assertMails(ANNA, 1, id, "har ny status: väntar på godkännande av gallring");
        flows.assertMails(ANNA, 1, id, "har ny status: under arbete");
        flows.assertMails(ANNA, 1, id, "är klar");
    }

    private JsonNode purge(String purgeId) {
        HttpAnswer answer = suite.http(Service.PURGE).get("/api/purges/" + purgeId, suite.token("arvid"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private HttpAnswer approve(String purgeId, String user) {
        return suite.http(Service.PURGE).post("/api/purges/" + purgeId + "/approval", suite.token(user), null);
    }
}
