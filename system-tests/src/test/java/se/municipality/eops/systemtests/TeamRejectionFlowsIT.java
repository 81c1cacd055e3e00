package se.municipality.eops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.systemtests.Flows.PERMISSION_EVENTS;
import static se.municipality.eops.systemtests.Flows.PUBLICATION_EVENTS;
import static se.municipality.eops.systemtests.Flows.PURGE_EVENTS;
import static se.municipality.eops.systemtests.Flows.text;
import static se.municipality.eops.systemtests.Flows.unique;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import se.municipality.eops.testkit.HttpAnswer;
import tools.jackson.databind.JsonNode;

/**
 * The central team rejects a request while another service holds its work: the work stops there, as on a
 * withdrawal, across the services as processes (request-service publishes RequestRejected with REJECTED_BY_TEAM;
 * each service reads it from the request topic).
 */
@SystemTest
class TeamRejectionFlowsIT {

    private final Suite suite = Suite.get();
    private final Flows flows = new Flows(suite);

    @Test
    void aBrandNewEServiceTheTeamRejectsInReviewIsNeverApprovedOrPublished() {
        String es = unique("es-trj");
        flows.ensureChecklistVersion1();
        String id = flows.file("anna", PublicationFlowsIT.newEService(es, "Torgplats " + es, true));
        flows.awaitStatus(id, "anna", "WAITING_FOR_REVIEW");
        String reviewId = text(
                Flows.json(flows.awaitEvent(PUBLICATION_EVENTS, "ReviewRequested", event -> event.payloadContains(id))),
                "reviewId");

        rejectAsTeam(id, "Tjänsten ska inte publiceras");
        await("publication-service withdraws the version of " + es)
                .atMost(Flows.FLOW_STEP)
                .until(() -> flows.eService(es).toString().contains("\"REJECTED_BY_TEAM\""));

        HttpAnswer late = suite.http(Service.PUBLICATION)
                .post("/api/reviews/" + reviewId + "/decisions", suite.token("rolf"), "{\"decision\":\"APPROVE\"}");
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.json().at("/errors/0/code").asString()).isEqualTo("review-closed");
        assertThat(flows.request(id, "anna").get("status").asString()).isEqualTo("REJECTED");
        assertThat(flows.typesOf(PUBLICATION_EVENTS, es)).containsExactly("ReviewRequested");
        JsonNode publishedVersion = flows.eService(es).get("publishedVersion");
        assertThat(publishedVersion == null || publishedVersion.isNull())
                .as("no version published: " + publishedVersion)
                .isTrue();
    }

    @Test
    void anAdministratorGrantTheTeamRejectsBeforeTheTrainingIsNeverActivated() {
        String es = unique("es-trj");
        String person = unique("p-trj");
        String email = person + "@kommun.example";
        flows.registerPublishedEService(es, "Skolskjuts " + es, "2.0");
        String id = flows.fileWhenKnown("anna", """
                {"type":"PERMISSION","permission":{"change":"GRANT","role":"ADMINISTRATOR","eServiceId":"%s",
                 "eServiceName":"Skolskjuts %s","person":{"userId":"%s","name":"Adam Admin","email":"%s"}}}""".formatted(es, es, person, email));
        String grantId = "gr-" + id;
        flows.awaitStatus(id, "anna", "WAITING_FOR_TRAINING");

        rejectAsTeam(id, "Ingen utbildning planerad");
        await("permission-service withdraws " + grantId)
                .atMost(Flows.FLOW_STEP)
                .until(() -> grant(grantId).get("status").asString().equals("WITHDRAWN"));

        HttpAnswer training = suite.http(Service.PERMISSION)
                .post("/api/trainings", suite.token("cecilia"), """
                        {"userId":"%s","name":"Adam Admin","email":"%s","completedOn":"2026-11-27",
                         "course":"E-tjänsteadministratör grundkurs"}""".formatted(person, email));
        assertThat(training.status()).as(training.body()).isEqualTo(201);
        assertThat(training.json().get("activatedGrants").asInt()).isZero();

        assertThat(grant(grantId).get("status").asString()).isEqualTo("WITHDRAWN");
        HttpAnswer check = suite.http(Service.PERMISSION)
                .get(
                        "/api/permissions/check?personId=" + person + "&role=ADMINISTRATOR&eServiceId=" + es,
                        suite.token("anna"));
        assertThat(check.json().get("allowed").asBoolean()).as(check.body()).isFalse();
        assertThat(flows.typesOf(PERMISSION_EVENTS, grantId)).containsExactly("PermissionAwaitingTraining");
        assertThat(flows.request(id, "anna").get("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void aRetentionPlanTheTeamRejectsBeforeItsApprovalNeverRuns() {
        String es = unique("es-trj");
        String decision = "SN " + es;
        HttpAnswer rule = suite.http(Service.PURGE)
                .post("/api/retention-rules", suite.token("arvid"), """
                        {"eServiceId":"%s","committee":"Socialnämnden","planRowReference":"4.2.1",
                         "decisionReference":"%s","decisionDate":"2024-01-15","retentionPeriod":"P2Y",
                         "clockStart":"SUBMITTED","active":true}""".formatted(es, decision));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        String ruleId = text(rule.json(), "ruleId");
        double indexed = flows.casesIndexed();
        flows.caseSubmitted(es + "-d1", es, Instant.now().minus(3 * 365, ChronoUnit.DAYS), false);
        flows.awaitCasesIndexed(indexed, 1);

        String id = flows.file("anna", """
                {"type":"PURGE","purge":{"kind":"RETENTION","eServiceId":"%s","eServiceName":"Ekonomiskt bistånd %s",
                 "committee":"Socialnämnden","purgeDecisionReference":"%s"}}""".formatted(es, es, decision));
        flows.awaitStatus(id, "anna", "WAITING_FOR_PURGE_APPROVAL");
        String planId = "plan-" + id + "-" + ruleId;

        rejectAsTeam(id, "Beslutet ska omprövas");
        await("purge-service withdraws " + planId)
                .atMost(Flows.FLOW_STEP)
                .until(() -> plan(planId).get("status").asString().equals("WITHDRAWN"));

        HttpAnswer approval =
                suite.http(Service.PURGE).post("/api/purges/" + planId + "/approval", suite.token("arvid"), null);
        assertThat(approval.status()).as(approval.body()).isEqualTo(409);
        JsonNode plan = plan(planId);
        assertThat(text(plan, "withdrawnBecause")).isEqualTo("REJECTED_BY_TEAM");
        assertThat(text(plan, "withdrawnBy")).isEqualTo("cecilia");
        assertThat(suite.events().find(PURGE_EVENTS, "CasesPurged", event -> planId.equals(event.key())))
                .isEmpty();
        assertThat(flows.request(id, "anna").get("status").asString()).isEqualTo("REJECTED");
    }

    private JsonNode plan(String planId) {
        HttpAnswer answer = suite.http(Service.PURGE).get("/api/purges/" + planId, suite.token("arvid"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private void rejectAsTeam(String id, String reason) {
        HttpAnswer rejected = suite.http(Service.REQUEST)
                .post(
                        "/api/team/requests/" + id + "/rejection",
                        suite.token("cecilia"),
                        "{\"reason\":\"" + reason + "\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
    }

    private JsonNode grant(String grantId) {
        HttpAnswer answer = suite.http(Service.PERMISSION).get("/api/grants/" + grantId, suite.token("anna"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
