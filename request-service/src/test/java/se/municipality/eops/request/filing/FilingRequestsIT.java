package se.municipality.eops.request.filing;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

@ServiceIntegrationTest
class FilingRequestsIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();
    final PublishedEvents events = PublishedEvents.get();

    @Test
    void administratorFilesNewEServicePublicationAndEveryoneElseHearsOfIt() {
        HttpAnswer response = post("anna", RequestBodies.json(RequestBodies.newEServicePublication()));

        assertThat(response.status()).isEqualTo(201);
        String id = response.json().get("id").asString();
        assertThat(id).startsWith("REQ-");
        assertThat(response.header(HttpHeaders.LOCATION)).isEqualTo("/api/requests/" + id);
        assertThat(response.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(response.json().at("/requester/userId").asString()).isEqualTo("anna");
        assertThat(response.json().at("/requester/role").asString()).isEqualTo("ESERVICE_ADMINISTRATOR");
        assertThat(response.json().at("/timeline/0/status").asString()).isEqualTo("SUBMITTED");

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

        HttpAnswer read = get("anna", "/api/requests/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().at("/publication/checklist/1/item").asString()).isEqualTo("Handläggare utbildade");
    }

    @Test
    void ambassadorFilesPurgeAndGroupPermissionRequests() {
        HttpAnswer purge = post("erik", RequestBodies.json(RequestBodies.testCasePurge()));
        HttpAnswer permission =
                post("erik", RequestBodies.json(RequestBodies.handlerGroupGrant("olle.ek@kommun.example")));

        assertThat(purge.status()).isEqualTo(201);
        assertThat(permission.status()).isEqualTo(201);
        assertThat(permission.json().at("/requester/role").asString()).isEqualTo("ESERVICE_AMBASSADOR");
        String permissionId = permission.json().get("id").asString();
        events.awaitOne(
                Topics.REQUEST_EVENTS,
                "RequestSubmitted",
                e -> permissionId.equals(e.key()) && e.payloadContains("\"members\""));

        HttpAnswer mine = get("erik", "/api/requests?limit=50");
        assertThat(mine.json().findValuesAsString("id"))
                .contains(purge.json().get("id").asString(), permissionId);
    }

    @Test
    void filingTwiceWithTheSameIdempotencyKeyFilesOnce() {
        String key = "form-" + java.util.UUID.randomUUID();
        String body = RequestBodies.json(RequestBodies.testCasePurge());

        HttpAnswer first = postWithKey("anna", body, key);
        HttpAnswer again = postWithKey("anna", body, key);
        HttpAnswer otherBody = postWithKey("anna", RequestBodies.json(RequestBodies.newEServicePublication()), key);
        HttpAnswer otherUser = postWithKey("erik", body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        String id = first.json().get("id").asString();
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(again.header(HttpHeaders.LOCATION)).isEqualTo("/api/requests/" + id);
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.json().get("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");
        assertThat(otherUser.status()).as("keys are per user").isEqualTo(201);
        assertThat(otherUser.json().get("id").asString()).isNotEqualTo(id);

        // Once a request filed after the replays has its event out, a duplicate from a replay
        // would have been published too: the relay publishes right after every write.
        String marker = post("anna", body).json().get("id").asString();
        events.awaitOne(Topics.REQUEST_EVENTS, "RequestSubmitted", e -> marker.equals(e.key()));
        assertThat(events.find(Topics.REQUEST_EVENTS, "RequestSubmitted", e -> id.equals(e.key())))
                .hasSize(1);
        assertThat(postWithKey("anna", body, "short").status()).isEqualTo(400);
    }

    @Test
    void onlyTheRequesterAndTheCentralTeamMaySeeARequest() {
        String id = post("anna", RequestBodies.json(RequestBodies.testCasePurge()))
                .json()
                .get("id")
                .asString();

        assertThat(get("erik", "/api/requests/" + id).status()).isEqualTo(404);
        assertThat(get("cecilia", "/api/requests/" + id).status()).isEqualTo(200);
        assertThat(get("anna", "/api/requests/REQ-DOESNOTEXIST").status()).isEqualTo(404);
    }

    @Test
    void refusesCallersWithoutTokenOrRequesterRole() {
        String body = RequestBodies.json(RequestBodies.testCasePurge());

        HttpAnswer anonymous = exchange(null, "POST", "/api/requests", body);
        HttpAnswer caseHandler = post("nils", body);
        HttpAnswer forged = exchange(tokens.tokenWithForeignSignature("anna"), "POST", "/api/requests", body);
        HttpAnswer expired = exchange(tokens.expiredTokenFor("anna"), "POST", "/api/requests", body);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(caseHandler.status()).isEqualTo(403);
        assertThat(caseHandler.isProblem()).isTrue();
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

    private void assertBadRequest(String body, String field) {
        HttpAnswer response = post("anna", body);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.json().has("errors")).as(response.body()).isTrue();
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .as(body)
                .containsExactly(field);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at se.");
    }

    private HttpAnswer post(String user, String body) {
        return exchange(tokens.tokenFor(user), "POST", "/api/requests", body);
    }

    private HttpAnswer postWithKey(String user, String body, String key) {
        return TestHttp.at(port).call(HttpMethod.POST, "/api/requests", tokens.tokenFor(user), body, key);
    }

    private HttpAnswer get(String user, String path) {
        return exchange(tokens.tokenFor(user), "GET", path, null);
    }

    private HttpAnswer exchange(String token, String method, String path, String body) {
        return TestHttp.at(port).call(HttpMethod.valueOf(method), path, token, body);
    }
}
