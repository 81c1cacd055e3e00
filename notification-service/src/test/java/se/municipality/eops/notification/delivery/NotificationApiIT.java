package se.municipality.eops.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.notification.delivery.ReceiptEvents.to;
import static se.municipality.eops.notification.delivery.ReceiptEvents.uniqueAddress;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.Mailboxes;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class NotificationApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void isReadyAndDescribesItsApiWithoutAToken() {
        assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(200);
        HttpAnswer docs = get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/notifications");
    }

    @Test
    void showsTheCentralTeamWhetherTheReceiptForARequestWentOut() {
        String anna = uniqueAddress("anna");
        RequestSubmitted submitted = to(RequestSubmittedMother.newVersionPublication(), anna);
        RequestEvents.publish(submitted);
        Mailboxes.awaitMailTo(anna);
        // The receipt, the central team's mail and its webhook; filtered to the receipt's template.
        String path = "/api/notifications?requestId=" + submitted.requestId() + "&template=request-received";

        JsonNode page = await().until(
                        () -> JSON.readTree(get(path, token("CENTRAL_TEAM")).body()),
                        found -> found.path("totalElements").asInt() == 1
                                && "SENT"
                                        .equals(found.path("content")
                                                .get(0)
                                                .path("status")
                                                .asString()));

        JsonNode receipt = page.path("content").get(0);
        assertThat(receipt.path("id").asString()).isEqualTo(ReceiptMailIT.receiptId(submitted));
        assertThat(receipt.path("requestId").asString()).isEqualTo(submitted.requestId());
        assertThat(receipt.path("template").asString()).isEqualTo("request-received");
        assertThat(receipt.path("channel").asString()).isEqualTo("EMAIL");
        assertThat(receipt.path("recipient").asString()).isEqualTo(anna);
        assertThat(receipt.path("attempts").asInt()).isEqualTo(1);
        assertThat(receipt.path("sentAt").isNull()).isFalse();
        assertThat(receipt.path("language").asString()).isEqualTo("sv");

        // The central team's own mail about the request, by recipient, status and time.
        String teamMail = "/api/notifications?requestId=" + submitted.requestId()
                + "&recipient=centrala-teamet@kommun.example&status=SENT&from=2020-01-01T00:00:00Z&page=0&size=10";
        JsonNode team = await().until(
                        () -> JSON.readTree(get(teamMail, token("CENTRAL_TEAM")).body()),
                        found -> found.path("totalElements").asInt() == 1);
        assertThat(team.path("content").get(0).path("template").asString()).isEqualTo("new-request");
        assertThat(team.path("size").asInt()).isEqualTo(10);
        assertThat(JSON.readTree(get(teamMail.replace("from=2020", "from=2099"), token("CENTRAL_TEAM"))
                                .body())
                        .path("totalElements")
                        .asInt())
                .isZero();
        assertThat(get("/actuator/prometheus", null).body())
                .containsPattern("eops_notifications_sent_total\\{[^}]*template=\"request-received\"[^}]*} [1-9]");
    }

    @Test
    void answersAnEmptyListForARequestWithoutNotifications() {
        HttpAnswer response = get("/api/notifications?requestId=req-unknown", token("CENTRAL_TEAM"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"content\":[]").contains("\"totalElements\":0");
    }

    @Test
    void refusesAPageOutOfBoundsNamingTheParameterAndItsBounds() {
        HttpAnswer badPage = get("/api/notifications?page=-1", token("CENTRAL_TEAM"));
        HttpAnswer badSize = get("/api/notifications?size=201", token("CENTRAL_TEAM"));

        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.headers().getContentType()).hasToString("application/problem+json");
        assertThat(badPage.json().at("/errors/0/field").asString()).isEqualTo("page");
        assertThat(badPage.json().at("/errors/0/code").asString()).isEqualTo("out-of-range");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.json().at("/errors/0/field").asString()).isEqualTo("size");
        assertThat(badSize.json().at("/errors/0/message").asString()).isEqualTo("must be between 1 and 200");
        assertThat(badSize.json().at("/errors/0/params/max").asInt()).isEqualTo(200);
        assertThat(get("/api/notifications?size=200", token("CENTRAL_TEAM")).status())
                .isEqualTo(200);
    }

    @Test
    void letsOnlyTheCentralTeamSeeNotifications() {
        assertThat(get("/api/notifications?requestId=req-1", null).status()).isEqualTo(401);
        assertThat(get("/api/notifications?requestId=req-1", token("ESERVICE_ADMINISTRATOR"))
                        .status())
                .isEqualTo(403);
    }

    private static String token(String role) {
        return SharedInfrastructure.get()
                .tokens()
                .tokenFor("u-" + role.toLowerCase(), "Test User", "test@kommun.example", List.of(role));
    }

    private HttpAnswer get(String path, String token) {
        return TestHttp.at(port).get(path, token);
    }
}
