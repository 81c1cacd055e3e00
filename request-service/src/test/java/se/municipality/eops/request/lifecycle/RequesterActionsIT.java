package se.municipality.eops.request.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import se.municipality.eops.contract.samples.PublicationMother;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The requester withdraws their own open request and comments; the central team comments too. */
@ServiceIntegrationTest
class RequesterActionsIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    LifecycleScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new LifecycleScenario(port, mongo);
    }

    @Test
    void theRequesterWithdrawsTheirOwnOpenRequest() {
        String id = scenario.file("anna", LifecycleScenario.newEService());

        HttpAnswer withdrawn = withdraw("anna", id, "{\"reason\":\"Fel e-tjänst\"}");

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        JsonNode request = scenario.read("anna", id);
        assertThat(request.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(request.at("/timeline/1/actor").asString()).isEqualTo("anna");
        assertThat(request.at("/timeline/1/reason").asString()).isEqualTo("Fel e-tjänst");
        assertThat(scenario.awaitRequestEvent("RequestWithdrawn", id, "\"withdrawnBy\":\"anna\""))
                .isNotNull();
        assertThat(scenario.awaitRequestEvent("RequestStatusChanged", id, "\"toStatus\":\"WITHDRAWN\""))
                .isNotNull();
    }

    @Test
    void nobodyElseMayWithdrawARequestAndLearnsNothingOfIt() {
        String id = scenario.file("anna", LifecycleScenario.newEService());

        HttpAnswer byErik = withdraw("erik", id, null);
        HttpAnswer unknown = withdraw("anna", "REQ-NOSUCHREQUEST", null);

        assertThat(byErik.status()).isEqualTo(404);
        assertThat(byErik.isProblem()).isTrue();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(scenario.read("anna", id).get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void aCompletedRequestCannotBeWithdrawn() {
        String id = scenario.file("anna", LifecycleScenario.newVersion());
        scenario.publishFor(id, PublicationMother.newVersionPublished());
        scenario.awaitStatus("anna", id, "COMPLETED");

        HttpAnswer late = withdraw("anna", id, null);

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.isProblem()).isTrue();
        assertThat(late.json().get("errors").findValuesAsString("field")).containsExactly("status");
        assertThat(late.json().at("/errors/0/code").asString()).isEqualTo("request-ended");
        assertThat(late.json().at("/errors/0/params/status").asString()).isEqualTo("COMPLETED");
        assertThat(scenario.read("anna", id).get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void theRequesterAndTheCentralTeamCommentOthersMayNot() {
        String id = scenario.file("anna", LifecycleScenario.newEService());

        HttpAnswer byAnna = comment("anna", id, "{\"text\":\"Finns det något jag kan göra?\"}");
        HttpAnswer byCecilia = comment("cecilia", id, "{\"text\":\"Vi har påmint referensgruppen.\"}");
        HttpAnswer byErik = comment("erik", id, "{\"text\":\"Hej\"}");

        assertThat(byAnna.status()).as(byAnna.body()).isEqualTo(201);
        assertThat(byCecilia.status()).isEqualTo(201);
        assertThat(byErik.status()).isEqualTo(404);
        JsonNode request = scenario.read("anna", id);
        assertThat(LifecycleScenario.kindsOf(request)).containsExactly("STATUS_CHANGED", "COMMENTED", "COMMENTED");
        assertThat(request.at("/timeline/2/reason").asString()).isEqualTo("Vi har påmint referensgruppen.");
        assertThat(request.get("status").asString())
                .as("a comment moves nothing")
                .isEqualTo("SUBMITTED");
        assertThat(scenario.awaitRequestEvent("RequestCommented", id, "\"authorRole\":\"CENTRAL_TEAM\""))
                .satisfies(event -> assertThat(event.payloadContains("\"author\":\"cecilia\""))
                        .isTrue());
        assertThat(scenario.awaitRequestEvent("RequestCommented", id, "\"authorRole\":\"REQUESTER\""))
                .isNotNull();
    }

    @Test
    void anEmptyOrOverlongCommentIsABadRequestNamingTheField() {
        String id = scenario.file("anna", LifecycleScenario.newEService());

        HttpAnswer empty = comment("anna", id, "{\"text\":\"  \"}");
        HttpAnswer overlong = comment("anna", id, "{\"text\":\"" + "x".repeat(4001) + "\"}");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").findValuesAsString("field")).containsExactly("text");
        assertThat(empty.json().at("/errors/0/code").asString()).isEqualTo("required");
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.json().get("errors").findValuesAsString("field")).containsExactly("text");
        assertThat(overlong.json().at("/errors/0/code").asString()).isEqualTo("too-long");
        assertThat(overlong.json().at("/errors/0/params/max").asInt()).isEqualTo(4000);
    }

    @Test
    void controlCharactersInACommentOrAReasonAreRefusedAsInAFiledMessage() {
        String id = scenario.file("anna", LifecycleScenario.newEService());

        HttpAnswer escapes = comment("anna", id, "{\"text\":\"Kontroll\\u0000tecken\\u001b[31m och \\u0007\"}");
        HttpAnswer halfCharacter = comment("cecilia", id, "{\"text\":\"Halvt \\ud83d tecken\"}");
        HttpAnswer lines = comment("anna", id, "{\"text\":\"Rad ett\\nrad två\\r\\n\\tindragen 😀\"}");
        HttpAnswer reason = withdraw("anna", id, "{\"reason\":\"Vi väntar\\u0007\"}");

        assertThat(escapes.status()).as(escapes.body()).isEqualTo(400);
        assertThat(escapes.json().at("/errors/0/field").asString()).isEqualTo("text");
        assertThat(escapes.json().at("/errors/0/code").asString()).isEqualTo("control-characters-in-message");
        assertThat(halfCharacter.status()).isEqualTo(400);
        assertThat(halfCharacter.json().at("/errors/0/code").asString()).isEqualTo("control-characters-in-message");
        assertThat(reason.status()).isEqualTo(400);
        assertThat(reason.json().at("/errors/0/field").asString()).isEqualTo("reason");
        assertThat(reason.json().at("/errors/0/code").asString()).isEqualTo("control-characters-in-message");
        assertThat(lines.status())
                .as("line breaks and tabs are a message's own")
                .isEqualTo(201);
        JsonNode request = scenario.read("anna", id);
        assertThat(request.get("status").asString())
                .as("the refused withdrawal left the request open")
                .isEqualTo("SUBMITTED");
        assertThat(LifecycleScenario.kindsOf(request)).containsExactly("STATUS_CHANGED", "COMMENTED");
    }

    private HttpAnswer withdraw(String user, String id, String body) {
        return scenario.call(user, HttpMethod.POST, "/api/requests/" + id + "/withdrawal", body == null ? "{}" : body);
    }

    private HttpAnswer comment(String user, String id, String body) {
        return scenario.call(user, HttpMethod.POST, "/api/requests/" + id + "/comments", body);
    }
}
