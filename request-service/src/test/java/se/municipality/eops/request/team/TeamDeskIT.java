package se.municipality.eops.request.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import se.municipality.eops.request.lifecycle.LifecycleScenario;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The central team lists every request with filters and pages, rejects with a reason and assigns. */
@ServiceIntegrationTest
class TeamDeskIT {

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
    void filtersByEServiceTypeStatusRequesterAndTextAndPagesThroughTheResult() {
        String eServiceId = "es-team-" + UUID.randomUUID().toString().substring(0, 6);
        // Three different things asked for the same e-service (the same thing twice is answered "already asked").
        String purge1 = scenario.file("anna", LifecycleScenario.testCasePurge(eServiceId));
        String purge2 = scenario.file("erik", LifecycleScenario.retentionPurge(eServiceId));
        String grant3 = scenario.file("anna", LifecycleScenario.administratorGrant(eServiceId));
        scenario.file("anna", LifecycleScenario.newEService());

        JsonNode all = search("eServiceId=" + eServiceId + "&size=2&sort=submittedAt");
        assertThat(all.get("totalItems").asLong()).isEqualTo(3);
        assertThat(all.get("totalPages").asLong()).isEqualTo(2);
        assertThat(all.get("items").size()).isEqualTo(2);
        JsonNode second = search("eServiceId=" + eServiceId + "&size=2&page=1&sort=submittedAt");
        Set<String> seen = new HashSet<>(ids(all));
        seen.addAll(ids(second));
        assertThat(seen).containsExactlyInAnyOrder(purge1, purge2, grant3);

        assertThat(ids(search("eServiceId=" + eServiceId + "&requester=erik"))).containsExactly(purge2);
        assertThat(ids(search("eServiceId=" + eServiceId + "&type=PUBLICATION")))
                .isEmpty();
        assertThat(ids(search("eServiceId=" + eServiceId + "&status=SUBMITTED&type=PURGE")))
                .containsExactlyInAnyOrder(purge1, purge2);
        assertThat(ids(search("q=" + purge2.substring(4).toLowerCase()))).containsExactly(purge2);
        assertThat(ids(search("eServiceId=" + eServiceId + "&q=skolskjuts"))).hasSize(3);
    }

    @Test
    void rejectsAnOpenRequestWithAReasonAndNamesTheMember() {
        String id = scenario.file("anna", LifecycleScenario.newEService());

        HttpAnswer rejected = post("cecilia", id, "rejection", "{\"reason\":\"Fel nämnd angiven\"}");
        HttpAnswer again = post("cecilia", id, "rejection", "{\"reason\":\"Igen\"}");
        HttpAnswer noReason =
                post("cecilia", scenario.file("anna", LifecycleScenario.newEService()), "rejection", "{}");

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().at("/rejection/reasonCode").asString()).isEqualTo("REJECTED_BY_TEAM");
        assertThat(rejected.json().at("/rejection/rejectedBy").asString()).isEqualTo("cecilia");
        assertThat(scenario.awaitRequestEvent("RequestRejected", id, "\"reasonCode\":\"REJECTED_BY_TEAM\""))
                .satisfies(event -> assertThat(event.payloadContains("\"rejectedBy\":\"cecilia\""))
                        .isTrue());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/errors/0/code").asString()).isEqualTo("request-ended");
        assertThat(again.json().at("/errors/0/params/status").asString()).isEqualTo("REJECTED");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");
        assertThat(noReason.json().at("/errors/0/code").asString()).isEqualTo("required");
    }

    @Test
    void aRejectionsReasonKeepsTheRuleOfAFiledMessage() {
        String id = scenario.file("anna", LifecycleScenario.newEService());

        HttpAnswer escapes = post("cecilia", id, "rejection", "{\"reason\":\"Fel\\u001b[31m nämnd\\u0000\"}");
        HttpAnswer overlong = post("cecilia", id, "rejection", "{\"reason\":\"" + "x".repeat(4001) + "\"}");

        assertThat(escapes.status()).as(escapes.body()).isEqualTo(400);
        assertThat(escapes.json().at("/errors/0/field").asString()).isEqualTo("reason");
        assertThat(escapes.json().at("/errors/0/code").asString()).isEqualTo("control-characters-in-message");
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.json().at("/errors/0/code").asString()).isEqualTo("too-long");
        assertThat(scenario.read("anna", id).get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void theAssigneeMustBeAUserIdWhichIsAllThatIsChecked() {
        String id = scenario.file("anna", LifecycleScenario.newEService());

        HttpAnswer missing = post("cecilia", id, "assignment", "{}");
        HttpAnswer withSpace = post("cecilia", id, "assignment", "{\"assignee\":\"nobody at all\"}");
        HttpAnswer withEscape = post("cecilia", id, "assignment", "{\"assignee\":\"cecilia\\u001b[31m\"}");
        HttpAnswer tooLong = post("cecilia", id, "assignment", "{\"assignee\":\"" + "a".repeat(65) + "\"}");

        for (HttpAnswer refused : List.of(withSpace, withEscape, tooLong)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("assignee");
            assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("not-an-id");
            assertThat(refused.json().at("/errors/0/params/max").asInt()).isEqualTo(64);
        }
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/errors/0/code").asString()).isEqualTo("required");
        // Team membership is the identity provider's to know: any well-formed user id is taken (README).
        assertThat(post("cecilia", id, "assignment", "{\"assignee\":\"björn.ek\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void assigningASubmittedRequestPutsItInProgress() {
        String id = scenario.file("anna", LifecycleScenario.newEService());

        HttpAnswer assigned = post("cecilia", id, "assignment", "{\"assignee\":\"cecilia\"}");

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(assigned.json().get("assignee").asString()).isEqualTo("cecilia");
        assertThat(LifecycleScenario.kindsOf(assigned.json()))
                .containsExactly("STATUS_CHANGED", "ASSIGNED", "STATUS_CHANGED");
        assertThat(scenario.awaitRequestEvent("RequestStatusChanged", id, "\"toStatus\":\"IN_PROGRESS\""))
                .isNotNull();
    }

    @Test
    void onlyTheCentralTeamUsesTheDeskAndBadFiltersAreNamed() {
        String id = scenario.file("anna", LifecycleScenario.newEService());

        assertThat(scenario.call("anna", HttpMethod.GET, "/api/team/requests", null)
                        .status())
                .isEqualTo(403);
        assertThat(post("anna", id, "rejection", "{\"reason\":\"x\"}").status()).isEqualTo(403);
        assertThat(post("anna", id, "assignment", "{\"assignee\":\"anna\"}").status())
                .isEqualTo(403);
        HttpAnswer badStatus = scenario.call("cecilia", HttpMethod.GET, "/api/team/requests?status=DONE", null);
        HttpAnswer badSize = scenario.call("cecilia", HttpMethod.GET, "/api/team/requests?size=1000", null);
        HttpAnswer badSort = scenario.call("cecilia", HttpMethod.GET, "/api/team/requests?sort=colour", null);
        assertThat(badStatus.json().get("errors").findValuesAsString("field")).containsExactly("status");
        assertThat(badSize.json().get("errors").findValuesAsString("field")).containsExactly("size");
        assertThat(badSize.json().at("/errors/0/code").asString()).isEqualTo("out-of-range");
        assertThat(badSize.json().at("/errors/0/params/max").asInt()).isEqualTo(100);
        assertThat(badSort.json().get("errors").findValuesAsString("field")).containsExactly("sort");
        assertThat(badStatus.json().at("/errors/0/code").asString()).isEqualTo("not-one-of");
        assertThat(badStatus.json().at("/errors/0/params/allowed").asString()).contains("SUBMITTED", "COMPLETED");
        assertThat(badSort.json().at("/errors/0/code").asString()).isEqualTo("not-one-of");
        assertThat(badSort.json().at("/errors/0/params/allowed").asString()).contains("-statusSince");
        HttpAnswer longQuery =
                scenario.call("cecilia", HttpMethod.GET, "/api/team/requests?q=" + "x".repeat(201), null);
        assertThat(longQuery.json().at("/errors/0/code").asString()).isEqualTo("too-long");
    }

    private JsonNode search(String query) {
        HttpAnswer answer = scenario.call("cecilia", HttpMethod.GET, "/api/team/requests?" + query, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items")
                .valueStream()
                .map(item -> item.get("id").asString())
                .toList();
    }

    private HttpAnswer post(String user, String id, String action, String body) {
        return scenario.call(user, HttpMethod.POST, "/api/team/requests/" + id + "/" + action, body);
    }
}
