package se.municipality.eops.publication.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.publication.catalogue.PublicationScenario.token;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.TestHttp;
import tools.jackson.databind.JsonNode;

/** Two central-team members editing the checklist at once: neither undoes the other's changes unseen. */
@ServiceIntegrationTest
class ChecklistIT {

    private static final String ACCESSIBILITY =
            "{\"id\":\"accessibility\",\"text\":\"Tillgänglighetsgranskad\"," + "\"mandatory\":true}";
    private static final String GDPR =
            "{\"id\":\"gdpr\",\"text\":\"Konsekvensbedömning enligt GDPR\"," + "\"mandatory\":true}";
    private static final String SPRAK = "{\"id\":\"sprak\",\"text\":\"Klarspråksgranskad\",\"mandatory\":true}";

    @LocalServerPort
    int port;

    @Test
    void aSaveFromAFormOfAnOlderVersionIsRefusedAndTheOtherEditorsItemStays() {
        int opened = save(null, ACCESSIBILITY).json().get("version").asInt();

        HttpAnswer first = save(opened, ACCESSIBILITY, GDPR);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        HttpAnswer second = save(opened, ACCESSIBILITY, SPRAK);

        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.isProblem()).isTrue();
        JsonNode error = second.json().at("/errors/0");
        assertThat(error.get("field").asString()).isEqualTo("basedOnVersion");
        assertThat(error.get("code").asString()).isEqualTo("changed-meanwhile");
        assertThat(error.at("/params/currentVersion").asInt()).isEqualTo(opened + 1);
        JsonNode inForce = current();
        assertThat(inForce.get("version").asInt()).isEqualTo(opened + 1);
        assertThat(itemIds(inForce)).containsExactly("accessibility", "gdpr");
    }

    @Test
    void ofTwoSavesFromTheSameVersionAtTheSameMomentExactlyOneIsPublished() throws Exception {
        int opened = save(null, ACCESSIBILITY).json().get("version").asInt();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService editors = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<HttpAnswer> gdpr = CompletableFuture.supplyAsync(
                    () -> awaitThen(start, () -> save(opened, ACCESSIBILITY, GDPR)), editors);
            CompletableFuture<HttpAnswer> sprak = CompletableFuture.supplyAsync(
                    () -> awaitThen(start, () -> save(opened, ACCESSIBILITY, SPRAK)), editors);
            start.countDown();
            List<HttpAnswer> answers = List.of(gdpr.get(30, TimeUnit.SECONDS), sprak.get(30, TimeUnit.SECONDS));

            assertThat(answers).extracting(HttpAnswer::status).containsExactlyInAnyOrder(201, 409);
            HttpAnswer refused =
                    answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
            assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("basedOnVersion");
            assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("changed-meanwhile");
            assertThat(refused.json().at("/errors/0/params/currentVersion").asInt())
                    .isEqualTo(opened + 1);
            HttpAnswer published =
                    answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow();
            assertThat(current().get("version").asInt()).isEqualTo(opened + 1);
            assertThat(itemIds(current())).isEqualTo(itemIds(published.json()));
        } finally {
            editors.shutdownNow();
        }
    }

    @Test
    void aSaveWithoutBasedOnVersionPublishesOverWhateverIsInForceAsBefore() {
        int opened = save(null, ACCESSIBILITY).json().get("version").asInt();
        save(opened, ACCESSIBILITY, GDPR);

        HttpAnswer apiClient = save(null, ACCESSIBILITY, SPRAK);

        assertThat(apiClient.status()).as(apiClient.body()).isEqualTo(201);
        assertThat(apiClient.json().get("version").asInt()).isEqualTo(opened + 2);
    }

    @Test
    void theApiDescriptionOffersBasedOnVersionOnTheSave() {
        HttpAnswer docs = TestHttp.at(port).get("/v3/api-docs", null);

        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        JsonNode body = docs.json().at("/components/schemas/PublishChecklistBody/properties");
        assertThat(body.has("basedOnVersion")).as(body.toString()).isTrue();
        assertThat(body.at("/basedOnVersion/description").asString()).contains("changed-meanwhile");
    }

    private HttpAnswer save(Integer basedOnVersion, String... items) {
        String body = "{\"items\":[" + String.join(",", items) + "]"
                + (basedOnVersion == null ? "" : ",\"basedOnVersion\":" + basedOnVersion) + "}";
        HttpAnswer answer = TestHttp.at(port).post("/api/checklist", token("cecilia"), body);
        if (basedOnVersion == null) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
        return answer;
    }

    private JsonNode current() {
        HttpAnswer answer = TestHttp.at(port).get("/api/checklist", token("cecilia"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> itemIds(JsonNode checklist) {
        return checklist
                .get("items")
                .valueStream()
                .map(item -> item.get("id").asString())
                .toList();
    }

    private static HttpAnswer awaitThen(CountDownLatch start, java.util.function.Supplier<HttpAnswer> save) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return save.get();
    }
}
