package se.municipality.eops.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import se.municipality.eops.systemtests.Service;
import se.municipality.eops.systemtests.Suite;
import se.municipality.eops.systemtests.SystemTest;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.SseClient;
import tools.jackson.databind.JsonNode;

/**
 * A requester's request is theirs: another requester (erik, an ambassador who files requests himself) can neither
 * read, withdraw, comment on nor follow anna's request, learns nothing of it (404, as for a request that does not
 * exist), does not find it in his list or his live stream, and what he tries changes nothing.
 */
@SystemTest
class RequesterIsolationIT {

    private static final Duration LIVE = Duration.ofSeconds(30);

    private final Suite suite = Suite.get();
    private final AccessFixture fixture = new AccessFixture(suite);
    private final List<SseClient> streams = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        streams.forEach(SseClient::close);
        fixture.close();
    }

    @Test
    void anotherRequesterCannotReadWithdrawCommentOnOrFollowARequest() {
        String request = fixture.fileNewEService("anna").requestId();

        HttpAnswer read = call("erik", HttpMethod.GET, "/api/requests/" + request, null);
        HttpAnswer withdrawn =
                call("erik", HttpMethod.POST, "/api/requests/" + request + "/withdrawal", "{\"reason\":\"Inte min\"}");
        HttpAnswer commented = call(
                "erik", HttpMethod.POST, "/api/requests/" + request + "/comments", "{\"text\":\"Eriks kommentar\"}");
        SseClient followed = open("erik", "/api/requests/" + request + "/events");

        assertThat(List.of(read, withdrawn, commented)).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.body()).doesNotContain("anna", "Säkerhetsprov");
        });
        assertThat(followed.status()).as(followed.errorBody()).isEqualTo(404);
        assertThat(followed.isOpen()).isFalse();
        // The same answers as for a request that does not exist: nothing tells erik that this one does.
        assertThat(call("erik", HttpMethod.GET, "/api/requests/REQ-000000000000", null)
                        .status())
                .isEqualTo(404);

        HttpAnswer asAnna = call("anna", HttpMethod.GET, "/api/requests/" + request, null);
        assertThat(asAnna.status()).isEqualTo(200);
        assertThat(asAnna.json().path("status").asString()).isNotEqualTo("WITHDRAWN");
        for (JsonNode entry : asAnna.json().path("timeline")) {
            assertThat(entry.path("actor").asString()).isNotEqualTo("erik");
        }
        assertThat(open("anna", "/api/requests/" + request + "/events").isOpen())
                .as("anna follows her own request")
                .isTrue();
    }

    @Test
    void anotherRequestersRequestIsInNoneOfMyLists() {
        String annas = fixture.fileNewEService("anna").requestId();
        String eriks = fixture.fileNewEService("erik").requestId();

        assertThat(ids(call("erik", HttpMethod.GET, "/api/requests?limit=100", null)))
                .contains(eriks)
                .doesNotContain(annas);
        assertThat(ids(call("anna", HttpMethod.GET, "/api/requests?limit=100", null)))
                .contains(annas)
                .doesNotContain(eriks);
        assertThat(call("erik", HttpMethod.GET, "/api/team/requests?q=" + annas, null)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void myLiveStreamCarriesMyRequestsOnlyNeverAnotherRequesters() {
        String annas = fixture.fileNewEService("anna").requestId();
        String eriks = fixture.fileNewEService("erik").requestId();
        SseClient annasStream = open("anna", "/api/requests/events");
        SseClient eriksStream = open("erik", "/api/requests/events");
        assertThat(annasStream.isOpen()).isTrue();
        assertThat(eriksStream.isOpen()).isTrue();

        // The central team comments on anna's request, then on erik's: each comment reaches its requester's stream.
        comment(annas);
        await("anna's stream gets the change of her request")
                .atMost(LIVE)
                .until(() -> annasStream.receivedAbout(annas));
        comment(eriks);
        await("erik's stream gets the change of his request")
                .atMost(LIVE)
                .until(() -> eriksStream.receivedAbout(eriks));

        // Erik's stream would have had anna's comment before his own (one replica hands an event to every stream
        // following it at once, and each stream writes in order): it did not.
        assertThat(eriksStream.receivedAbout(annas)).isFalse();
        assertThat(annasStream.receivedAbout(eriks)).isFalse();
    }

    private void comment(String request) {
        HttpAnswer commented = call(
                "cecilia", HttpMethod.POST, "/api/requests/" + request + "/comments", "{\"text\":\"Centrala teamet\"}");
        assertThat(commented.status()).as(commented.body()).isEqualTo(201);
    }

    private static List<String> ids(HttpAnswer list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().forEach(request -> ids.add(request.path("id").asString()));
        return ids;
    }

    private HttpAnswer call(String caller, HttpMethod method, String path, String body) {
        return fixture.call(Service.REQUEST, method, path, caller, body);
    }

    private SseClient open(String caller, String path) {
        SseClient stream = SseClient.open(suite.baseUrl(Service.REQUEST), path, suite.token(caller), null);
        streams.add(stream);
        return stream;
    }
}
