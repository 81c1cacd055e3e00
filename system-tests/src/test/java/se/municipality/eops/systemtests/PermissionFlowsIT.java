package se.municipality.eops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.systemtests.Flows.ANNA;
import static se.municipality.eops.systemtests.Flows.PERMISSION_EVENTS;
import static se.municipality.eops.systemtests.Flows.unique;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.testkit.HttpAnswer;
import tools.jackson.databind.JsonNode;

/** Flows 4 and 5 of the issue: an administrator after training, and a handler group. */
@SystemTest
class PermissionFlowsIT {

    private final Suite suite = Suite.get();
    private final Flows flows = new Flows(suite);

    /**
     * Flow 4: an administrator grant waits for the person's training; once the central team records it the grant
     * is active and the request completed; the check endpoint and the handler search agree on what the person is.
     */
    @Test
    void anAdministratorGrantWaitsForTrainingThenIsActive() {
        String es = unique("es-adm");
        String person = unique("p-adm");
        String email = person + "@kommun.example";
        flows.registerPublishedEService(es, "Skolskjuts " + es, "2.0");

        String id = flows.fileWhenKnown("anna", """
                {"type":"PERMISSION","permission":{"change":"GRANT","role":"ADMINISTRATOR","eServiceId":"%s",
                 "eServiceName":"Skolskjuts %s","person":{"userId":"%s","name":"Adam Admin","email":"%s"}}}""".formatted(es, es, person, email));
        String grantId = "gr-" + id;

        flows.awaitStatus(id, "anna", "WAITING_FOR_TRAINING");
        JsonNode waiting = grant(grantId);
        assertThat(waiting.get("status").asString()).isEqualTo("AWAITING_TRAINING");
        assertThat(check(person, "ADMINISTRATOR", es).get("allowed").asBoolean())
                .isFalse();

        HttpAnswer training = suite.http(Service.PERMISSION)
                .post("/api/trainings", suite.token("cecilia"), """
                        {"userId":"%s","name":"Adam Admin","email":"%s","completedOn":"2026-11-27",
                         "course":"E-tjänsteadministratör grundkurs"}""".formatted(person, email));
        assertThat(training.status()).as(training.body()).isEqualTo(201);

        JsonNode completed = flows.awaitStatus(id, "anna", "COMPLETED");
        assertThat(Flows.statusSteps(completed))
                .as(Flows.timeline(completed).toString())
                .containsExactly("SUBMITTED", "WAITING_FOR_TRAINING", "COMPLETED");
        assertThat(Flows.timeline(completed).toString()).contains("PermissionAwaitingTraining", "PermissionGranted");
        assertThat(grant(grantId).get("status").asString()).isEqualTo("ACTIVE");

        // The check and the handler search agree: an administrator now, and no case handler.
        JsonNode allowed = check(person, "ADMINISTRATOR", es);
        assertThat(allowed.get("allowed").asBoolean()).isTrue();
        assertThat(allowed.get("grants").toString()).contains(grantId);
        assertThat(check(person, "CASE_HANDLER", es).get("allowed").asBoolean()).isFalse();
        assertThat(handlers(es, person).get("hits")).isEmpty();

        assertThat(flows.typesOf(PERMISSION_EVENTS, grantId))
                .containsExactly("PermissionAwaitingTraining", "PermissionGranted");
        assertThat(flows.typesOf(PERMISSION_EVENTS, person)).containsExactly("TrainingCompleted");
        flows.assertRequestEventsInOrder(id, List.of("WAITING_FOR_TRAINING", "COMPLETED"), "RequestCompleted");

        flows.assertMails(email, 1, "Behörighet väntar på utbildning", es);
        flows.assertMails(email, 1, "Behörighet aktiv", es);
        flows.assertMails(ANNA, 1, "Behörighet väntar på utbildning", es);
        flows.assertMails(ANNA, 1, "Behörighet aktiv", es);
        flows.assertMails(ANNA, 1, "Vi har tagit emot din begäran", id);
        flows.assertMails(ANNA, 1, id, "har ny status: väntar på utbildning");
        flows.assertMails(ANNA, 1, id, "är klar");
    }

    /**
     * Flow 5: a handler group with members; each member is found by the handler search (and the check agrees); a
     * second request for one of them is answered at once: already has handler permission.
     */
    @Test
    void aHandlerGroupMakesEachMemberAHandlerAndASecondRequestIsAnsweredAtOnce() {
        String es = unique("es-grp");
        List<String> members = List.of(unique("p-hg"), unique("p-hg"), unique("p-hg"));
        String group = "Handläggare " + es;
        flows.registerPublishedEService(es, "Felanmälan " + es, "1.0");

        String id = flows.fileWhenKnown("anna", """
                {"type":"PERMISSION","permission":{"change":"GRANT","role":"CASE_HANDLER","eServiceId":"%s",
                 "eServiceName":"Felanmälan %s","group":{"name":"%s","members":[
                 {"userId":"%s","name":"Hanna Ett","email":"%s@kommun.example"},
                 {"userId":"%s","name":"Hugo Två","email":"%s@kommun.example"},
                 {"userId":"%s","name":"Hilda Tre","email":"%s@kommun.example"}]}}}""".formatted(
                        es,
                        es,
                        group,
                        members.get(0),
                        members.get(0),
                        members.get(1),
                        members.get(1),
                        members.get(2),
                        members.get(2)));

        JsonNode completed = flows.awaitStatus(id, "anna", "COMPLETED");
        assertThat(Flows.statusSteps(completed))
                .as(Flows.timeline(completed).toString())
                .containsExactly("SUBMITTED", "COMPLETED");
        assertThat(Flows.timeline(completed).toString()).contains("PermissionGranted");

        for (String member : members) {
            JsonNode found = handlers(es, member);
            assertThat(found.get("hits")).as(member).hasSize(1);
            assertThat(found.get("hits").get(0).get("person").toString()).contains(member);
            assertThat(found.get("hits").get(0).get("groups").toString()).contains(group);
            JsonNode check = check(member, "CASE_HANDLER", es);
            assertThat(check.get("allowed").asBoolean()).as(member).isTrue();
            assertThat(check.get("grants").toString()).contains("GROUP", group);
        }
        assertThat(handlers(es, "").get("total").asInt()).isEqualTo(3);

        String again = """
                {"type":"PERMISSION","permission":{"change":"GRANT","role":"CASE_HANDLER","eServiceId":"%s",
                 "eServiceName":"Felanmälan %s","person":{"userId":"%s","name":"Hugo Två","email":"%s@kommun.example"}}}""".formatted(es, es, members.get(1), members.get(1));
        HttpAnswer refused = suite.http(Service.REQUEST).post("/api/requests", suite.token("anna"), again);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("already has case-handler permission", group);

        // request-service answered from its read model; the test's capture may not have read the events yet.
        flows.awaitEvent(PERMISSION_EVENTS, "PermissionGranted", event -> ("gr-" + id).equals(event.key()));
        flows.awaitEvent(PERMISSION_EVENTS, "HandlerGroupChanged", event -> event.payloadContains(es));
        assertThat(flows.typesOf(PERMISSION_EVENTS, "gr-" + id)).containsExactly("PermissionGranted");
        assertThat(suite.events().find(PERMISSION_EVENTS, "HandlerGroupChanged", event -> event.payloadContains(es)))
                .hasSize(1);
        flows.assertRequestEventsInOrder(id, List.of("COMPLETED"), "RequestCompleted");
        // Nothing was filed the second time.
        assertThat(suite.events().find(Flows.REQUEST_EVENTS, "RequestSubmitted", event -> event.payloadContains(es)))
                .hasSize(1);

        flows.assertMails(ANNA, 1, "Vi har tagit emot din begäran", id);
        flows.assertMails(ANNA, 1, id, "är klar");
        for (String member : members) {
            // Case handlers are not mailed about their grant (only administrators are).
            assertThat(suite.mail().to(member + "@kommun.example")).isEmpty();
        }
    }

    private JsonNode grant(String grantId) {
        HttpAnswer answer = suite.http(Service.PERMISSION).get("/api/grants/" + grantId, suite.token("anna"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode check(String person, String role, String es) {
        HttpAnswer answer = suite.http(Service.PERMISSION)
                .get(
                        "/api/permissions/check?personId=" + person + "&role=" + role + "&eServiceId=" + es,
                        suite.token("anna"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode handlers(String es, String q) {
        HttpAnswer answer =
                suite.http(Service.PERMISSION).get("/api/e-services/" + es + "/handlers?q=" + q, suite.token("anna"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
