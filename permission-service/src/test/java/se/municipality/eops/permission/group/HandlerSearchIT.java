package se.municipality.eops.permission.group;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.permission.PermissionRequests.grant;
import static se.municipality.eops.permission.PermissionRequests.grantToGroup;
import static se.municipality.eops.permission.PermissionRequests.person;
import static se.municipality.eops.permission.PermissionRequests.publish;
import static se.municipality.eops.permission.PermissionRequests.uniqueEService;
import static se.municipality.eops.permission.PermissionRequests.uniqueUser;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.PermissionRequest.Person;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.permission.grant.application.ExecutePermissionRequest;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class HandlerSearchIT {

    @LocalServerPort
    int port;

    final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();
    final PublishedEvents events = PublishedEvents.get();

    String eServiceId;
    String ostrom;
    String angstrom;
    String ake;
    String editor;

    /** Öström a direct handler, Ångström and Åke through a group, Östman only an editor. */
    @BeforeEach
    void handlers() {
        eServiceId = uniqueEService();
        ostrom = uniqueUser("u");
        angstrom = uniqueUser("u");
        ake = uniqueUser("u");
        editor = uniqueUser("u");
        List<RequestSubmitted> requests = new ArrayList<>();
        requests.add(grant(PermissionRole.CASE_HANDLER, eServiceId, person(ostrom, "Örjan Öström")));
        requests.add(grantToGroup(
                eServiceId,
                "Miljöhandläggare",
                person(angstrom, "Märta Ångström"),
                new Person(ake, "Åke Berg", "ake.berg." + ake + "@kommun.example")));
        requests.add(grant(PermissionRole.EDITOR, eServiceId, person(editor, "Östen Östman")));
        requests.forEach(request -> publish(request));
        requests.forEach(request -> events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionGranted",
                e -> ExecutePermissionRequest.grantIdFor(request.requestId()).equals(e.key())));
    }

    @Test
    void findsADirectHandlerByAFragmentWithoutAccentsInAnyCase() {
        JsonNode page = search("OSTROM", 0, 20);

        assertThat(personIds(page)).containsExactly(ostrom);
        assertThat(page.at("/hits/0/direct").asBoolean()).isTrue();
        assertThat(page.at("/hits/0/person/name").asString()).isEqualTo("Örjan Öström");
    }

    @Test
    void findsHandlersThroughTheirGroupAndSaysWhichGroup() {
        JsonNode page = search("angstr", 0, 20);

        assertThat(personIds(page)).containsExactly(angstrom);
        assertThat(page.at("/hits/0/direct").asBoolean()).isFalse();
        assertThat(page.at("/hits/0/groups/0").asString()).isEqualTo("Miljöhandläggare");
    }

    @Test
    void findsByAFragmentOfTheEmailAndNeverFindsWhoIsNoHandler() {
        assertThat(personIds(search("berg." + ake, 0, 20))).containsExactly(ake);
        assertThat(personIds(search("ostman", 0, 20)))
                .as("an editor is no handler")
                .isEmpty();
        assertThat(personIds(search("", 0, 20))).containsExactlyInAnyOrder(ostrom, angstrom, ake);
    }

    @Test
    void pagesThroughTheHandlersInNameOrder() {
        JsonNode first = search("", 0, 2);
        JsonNode second = search("", 1, 2);

        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(personIds(first)).containsExactly(ake, angstrom); // Åke Berg, Märta Ångström
        assertThat(personIds(second)).containsExactly(ostrom); // Örjan Öström
    }

    @Test
    void refusesAPageSizeOutOfBounds() {
        HttpAnswer answer =
                http().get("/api/e-services/" + eServiceId + "/handlers?size=1000", tokens.tokenFor("nils"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("size");
    }

    /** The fragment goes into the URL as it is (TestHttp encodes it); keep to characters a query may hold. */
    private JsonNode search(String fragment, int page, int size) {
        HttpAnswer answer = http().get(
                        "/api/e-services/" + eServiceId + "/handlers?q="
                                + java.net.URLEncoder.encode(fragment, java.nio.charset.StandardCharsets.UTF_8)
                                + "&page=" + page + "&size=" + size,
                        tokens.tokenFor("nils"));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> personIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("hits").forEach(hit -> ids.add(hit.at("/person/personId").asString()));
        return ids;
    }

    private TestHttp http() {
        return TestHttp.at(port);
    }
}
