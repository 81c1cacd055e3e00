package se.municipality.eops.request.filing;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class FilingRequestsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();
    final PublishedEvents events = PublishedEvents.get();

    @AfterEach
    void everyPublishedEventMatchesItsSchema() {
        assertThat(events.schemaViolations()).isEmpty();
    }

    @Test
    void administratorFilesNewEServicePublicationAndEveryoneElseHearsOfIt() {
        Response response = post("anna", RequestBodies.json(RequestBodies.newEServicePublication()));

        assertThat(response.status()).isEqualTo(201);
        String id = response.body().get("id").asString();
        assertThat(id).startsWith("REQ-");
        assertThat(response.location()).isEqualTo("/api/requests/" + id);
        assertThat(response.body().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(response.body().at("/requester/userId").asString()).isEqualTo("anna");
        assertThat(response.body().at("/requester/role").asString()).isEqualTo("ESERVICE_ADMINISTRATOR");
        assertThat(response.body().at("/timeline/0/status").asString()).isEqualTo("SUBMITTED");

        CapturedEvent submitted = events.awaitOne(Topics.REQUEST_EVENTS, "RequestSubmitted", e -> id.equals(e.key()));
        assertThat(submitted.headers())
                .containsEntry(CloudEventHeaders.SOURCE, "/eops/request-service")
                .containsEntry(CloudEventHeaders.SUBJECT, id)
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsKey(CloudEventHeaders.ID);
        assertThat(submitted.payloadContains("\"eServiceName\":\"Ansökan om parkeringstillstånd\""))
                .isTrue();

        Document stored = mongo.findById(id, Document.class, "requests");
        assertThat(stored).isNotNull();
        assertThat(stored.getString("status")).isEqualTo("SUBMITTED");
        assertThat(mongo.getDb().getName()).isEqualTo("eops-request");

        Response read = get("anna", "/api/requests/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().at("/publication/checklist/1/item").asString()).isEqualTo("Handläggare utbildade");
    }

    @Test
    void ambassadorFilesPurgeAndGroupPermissionRequests() {
        Response purge = post("erik", RequestBodies.json(RequestBodies.testCasePurge()));
        Response permission =
                post("erik", RequestBodies.json(RequestBodies.handlerGroupGrant("olle.ek@kommun.example")));

        assertThat(purge.status()).isEqualTo(201);
        assertThat(permission.status()).isEqualTo(201);
        assertThat(permission.body().at("/requester/role").asString()).isEqualTo("ESERVICE_AMBASSADOR");
        String permissionId = permission.body().get("id").asString();
        events.awaitOne(
                Topics.REQUEST_EVENTS,
                "RequestSubmitted",
                e -> permissionId.equals(e.key()) && e.payloadContains("\"members\""));

        Response mine = get("erik", "/api/requests?limit=50");
        assertThat(mine.body().findValuesAsString("id"))
                .contains(purge.body().get("id").asString(), permissionId);
    }

    @Test
    void onlyTheRequesterAndTheCentralTeamMaySeeARequest() {
        String id = post("anna", RequestBodies.json(RequestBodies.testCasePurge()))
                .body()
                .get("id")
                .asString();

        assertThat(get("erik", "/api/requests/" + id).status()).isEqualTo(404);
        assertThat(get("cecilia", "/api/requests/" + id).status()).isEqualTo(200);
        assertThat(get("anna", "/api/requests/REQ-DOESNOTEXIST").status()).isEqualTo(404);
    }

    @Test
    void refusesCallersWithoutTokenOrRequesterRole() {
        String body = RequestBodies.json(RequestBodies.testCasePurge());

        Response anonymous = exchange(null, "POST", "/api/requests", body);
        Response caseHandler = post("nils", body);
        Response forged = exchange(tokens.tokenWithForeignSignature("anna"), "POST", "/api/requests", body);
        Response expired = exchange(tokens.expiredTokenFor("anna"), "POST", "/api/requests", body);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).contains("application/problem+json");
        assertThat(caseHandler.status()).isEqualTo(403);
        assertThat(caseHandler.contentType()).contains("application/problem+json");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(expired.status()).isEqualTo(401);
    }

    @Test
    void answersBadInputWithProblemDetailsNamingTheField() {
        assertBadRequest("{\"type\":\"PUBLICATION\",", "body");
        assertBadRequest("{\"type\":\"PAINT_THE_TOWN\"}", "type");
        assertBadRequest("{\"type\":\"PUBLICATION\"}", "publication");
        assertBadRequest(
                "{\"type\":\"PURGE\",\"purge\":{\"kind\":\"TEST_CASES\",\"eServiceName\":\"X\"}}", "purge.eServiceId");
        assertBadRequest(
                RequestBodies.json(RequestBodies.handlerGroupGrant("not-an-address")),
                "permission.group.members[1].email");
        assertBadRequest(
                "{\"type\":\"PURGE\",\"purge\":{\"kind\":\"TEST_CASES\",\"eServiceId\":\"es-1\",\"eServiceName\":\"X\"},"
                        + "\"publication\":{\"kind\":\"NEW_VERSION\"}}",
                "publication");
        assertBadRequest(
                "{\"type\":\"PUBLICATION\",\"publication\":{\"kind\":\"NEW_ESERVICE\",\"eServiceId\":\"es-1\",\"eServiceName\":\"X\","
                        + "\"committee\":\"K\",\"orderer\":\"O\",\"checklist\":[{\"item\":\"ok\",\"done\":\"maybe\"}]}}",
                "publication.checklist[0].done");
    }

    @Test
    void probesMetricsAndApiDocsAnswerWithoutAToken() {
        assertThat(exchange(null, "GET", "/actuator/health/liveness", null).status())
                .isEqualTo(200);
        assertThat(exchange(null, "GET", "/actuator/health/readiness", null).status())
                .isEqualTo(200);
        Response metrics = exchange(null, "GET", "/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("application=\"request-service\"");
        Response docs = exchange(null, "GET", "/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().at("/info/title").asString()).isEqualTo("Request service");
        assertThat(docs.body().at("/paths").has("/api/requests")).isTrue();
    }

    private void assertBadRequest(String body, String field) {
        Response response = post("anna", body);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.body().has("errors")).as(response.raw()).isTrue();
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.body().get("errors").findValuesAsString("field"))
                .as(body)
                .containsExactly(field);
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("at se.");
    }

    private Response post(String user, String body) {
        return exchange(tokens.tokenFor(user), "POST", "/api/requests", body);
    }

    private Response get(String user, String path) {
        return exchange(tokens.tokenFor(user), "GET", path, null);
    }

    private Response exchange(String token, String method, String path, String body) {
        RestClient.RequestBodySpec spec = RestClient.create("http://localhost:" + port)
                .method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (body != null) {
            spec.body(body);
        }
        return spec.exchange((request, response) -> {
            String raw = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Response(
                    response.getStatusCode().value(),
                    raw,
                    raw.isBlank() || !(raw.trim().startsWith("{") || raw.trim().startsWith("["))
                            ? JSON.createObjectNode()
                            : JSON.readTree(raw),
                    response.getHeaders().getFirst(HttpHeaders.LOCATION),
                    String.valueOf(response.getHeaders().getContentType()));
        });
    }

    record Response(int status, String raw, JsonNode body, String location, String contentType) {}
}
