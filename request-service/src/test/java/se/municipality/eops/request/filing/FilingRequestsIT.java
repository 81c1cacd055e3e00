package se.municipality.eops.request.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.request.PublicationRequest.ChecklistItem;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.request.filing.domain.RequestRules;
import se.municipality.eops.request.readmodel.CatalogueFixture;
import se.municipality.eops.starter.web.WebInputProperties;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.RawKafka;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;
import tools.jackson.databind.node.ObjectNode;

@ServiceIntegrationTest
class FilingRequestsIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();
    final PublishedEvents events = PublishedEvents.get();

    @BeforeEach
    void theCatalogueHoldsTheEServicesTheRequestsNameForNewVersionsAndGrants() {
        CatalogueFixture.ensureRegistered(mongo, RequestBodies.CATALOGUED_E_SERVICE, LargestRequests.E_SERVICE_ID);
    }

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
    void checklistAnswersCarryTheirItemIdsIntoTheEventWhenTheFormSendsThem() {
        String body = """
                {"type":"PUBLICATION","publication":{"kind":"NEW_ESERVICE","eServiceId":"es-2002",
                 "eServiceName":"Ansökan om bygglov","committee":"Stadsbyggnadsnämnden","orderer":"Bygglovsenheten",
                 "checklist":[{"itemId":"accessibility","item":"Tillgänglighetsgranskad","done":true},
                              {"item":"Handläggare utbildade","done":true}]}}
                """;

        HttpAnswer response = post("anna", body);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = response.json().get("id").asString();
        CapturedEvent submitted = events.awaitOne(Topics.REQUEST_EVENTS, "RequestSubmitted", e -> id.equals(e.key()));
        RequestSubmitted event = se.municipality.eops.starter.messaging.EventJson.read(
                submitted.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8), RequestSubmitted.class);
        assertThat(event.publication().checklist())
                .extracting(ChecklistItem::itemId)
                .containsExactly("accessibility", null);
        assertThat(response.json().at("/publication/checklist/0/itemId").asString())
                .isEqualTo("accessibility");
        assertBadRequest(
                body.replace("\"itemId\":\"accessibility\"", "\"itemId\":\"not an id\""),
                "publication.checklist[0].itemId");
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
        // Another body: the same one would be a second open request for the same thing (409).
        HttpAnswer otherUser = postWithKey("erik", RequestBodies.json(RequestBodies.testCasePurge()), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        String id = first.json().get("id").asString();
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(again.header(HttpHeaders.LOCATION)).isEqualTo("/api/requests/" + id);
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.json().get("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");
        assertThat(otherBody.json().at("/errors/0/code").asString()).isEqualTo("taken");
        assertThat(otherUser.status()).as("keys are per user").isEqualTo(201);
        assertThat(otherUser.json().get("id").asString()).isNotEqualTo(id);

        // Whatever the replays wrote has left the document once nothing is pending; a marker with
        // the request's own key then lands on the same partition after anything they published.
        await().until(() -> pendingEventsOf(id).isEmpty());
        String marker = "marker-" + UUID.randomUUID();
        RawKafka.send(
                Topics.REQUEST_EVENTS,
                id,
                "{}".getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.TYPE, "TestMarker", CloudEventHeaders.ID, marker));
        events.awaitOne(Topics.REQUEST_EVENTS, "TestMarker", e -> marker.equals(e.id()));
        List<CapturedEvent> sameKey = events.find(Topics.REQUEST_EVENTS, null, e -> id.equals(e.key()));
        List<CapturedEvent> beforeMarker = sameKey.subList(
                0, sameKey.stream().map(CapturedEvent::id).toList().indexOf(marker));
        // A second filing would raise a second RequestSubmitted with an event id of its own. The
        // same event may come twice (the outbox publishes at least once, e.g. the sweep racing a
        // slow publication right after the write): consumers apply an event id once.
        assertThat(beforeMarker)
                .as("events of the request before the marker on its partition")
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.type()).isEqualTo("RequestSubmitted"))
                .extracting(CapturedEvent::id)
                .containsOnly(beforeMarker.get(0).id());
        HttpAnswer badKey = postWithKey("anna", body, "short");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
        assertThat(badKey.json().at("/errors/0/code").asString()).isEqualTo("invalid-value");
    }

    static Stream<Named<ObjectNode>> largestRequests() {
        return LargestRequests.named();
    }

    @ParameterizedTest
    @MethodSource("largestRequests")
    void theLargestValidRequestIsFiledAndItsEventReachesKafka(ObjectNode body) {
        HttpAnswer response = post("anna", LargestRequests.json(body));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = response.json().get("id").asString();
        CapturedEvent submitted = events.awaitOne(Topics.REQUEST_EVENTS, "RequestSubmitted", e -> id.equals(e.key()));
        assertThat(submitted.payload())
                .contains(String.valueOf(LargestRequests.WIDE).repeat(RequestRules.MAX_MESSAGE));
    }

    static Stream<LargestRequests.OverLimit> overLimits() {
        return LargestRequests.overLimits();
    }

    @ParameterizedTest
    @MethodSource("overLimits")
    void oneOverAnyLimitIsABadRequestNamingTheField(LargestRequests.OverLimit overLimit) {
        assertBadRequest(LargestRequests.json(overLimit.body()), overLimit.field());
    }

    @Test
    void aBodyLargerThanTheServiceReadsIsTooLargeWhetherItsLengthIsDeclaredOrNot() {
        long maxBodySize = WebInputProperties.DEFAULT_MAX_BODY_SIZE.toBytes();
        byte[] declared = ("{\"type\":\"PUBLICATION\",\"publication\":{\"message\":\"" + "x".repeat((int) maxBodySize)
                        + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        // Every token short, so only the size can stop it: a checklist far longer than any allowed.
        StringBuilder chunked = new StringBuilder("{\"type\":\"PUBLICATION\",\"publication\":{\"checklist\":[");
        while (chunked.length() <= maxBodySize) {
            chunked.append("{\"item\":\"").append("x".repeat(100)).append("\",\"done\":true},");
        }
        chunked.append("{\"item\":\"x\",\"done\":true}]}}");

        HttpAnswer withLength = http().send(
                        HttpMethod.POST,
                        "/api/requests",
                        tokens.tokenFor("anna"),
                        MediaType.APPLICATION_JSON,
                        declared);
        HttpAnswer inChunks = http().sendChunked(
                        HttpMethod.POST,
                        "/api/requests",
                        tokens.tokenFor("anna"),
                        MediaType.APPLICATION_JSON,
                        chunked.toString().getBytes(StandardCharsets.UTF_8));

        for (HttpAnswer answer : List.of(withLength, inChunks)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(413);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactly("body");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"åsa@kommun.se", "a..b@x.se"})
    void anAddressTheEventSchemaWouldRejectIsABadRequest(String address) {
        assertBadRequest(
                RequestBodies.json(RequestBodies.handlerGroupGrant(address)), "permission.group.members[1].email");
    }

    @Test
    void aRequesterWhoseAccountHasNoUsableAddressIsToldWhere() {
        String token = tokens.tokenFor("asa", "Åsa Ek", "åsa@kommun.se", List.of("ESERVICE_ADMINISTRATOR"));

        HttpAnswer response =
                exchange(token, "POST", "/api/requests", RequestBodies.json(RequestBodies.testCasePurge()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("requester.email");
        assertThat(response.json().at("/errors/0/message").asString()).contains("your account");
        assertThat(response.json().at("/errors/0/code").asString()).isEqualTo("account-email");
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
    void aRequestStoredBeforeTimelineEntriesHadASequenceReadsThemAsTheirPosition() {
        String id = "REQ-OLD" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        Document old = Document.parse("""
                {"_id":"%s","type":"PURGE",
                 "requester":{"userId":"anna","name":"Anna Andersson","email":"anna.andersson@kommun.example",
                              "role":"ESERVICE_ADMINISTRATOR"},
                 "purge":{"kind":"TEST_CASES","eServiceId":"es-1","eServiceName":"Parkering"},
                 "status":"SUBMITTED","version":0,
                 "timeline":[{"status":"SUBMITTED","actor":"anna"}]}
                """.formatted(id));
        old.put("submittedAt", java.util.Date.from(java.time.Instant.parse("2026-11-01T10:00:00Z")));
        old.getList("timeline", Document.class).get(0).put("at", old.get("submittedAt"));
        mongo.insert(old, "requests");

        HttpAnswer read = get("anna", "/api/requests/" + id);

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().at("/timeline/0/sequence").asInt()).isEqualTo(1);
        assertThat(read.json().at("/timeline/0/kind").asString()).isEqualTo("STATUS_CHANGED");
        assertThat(read.json().at("/timeline/0/actor").asString()).isEqualTo("anna");
    }

    @Test
    void aRequestThatFailedBeforeTheViewShowedAFailureStillRendersWithIt() {
        String id = "REQ-OLDF" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        Document old = Document.parse("""
                {"_id":"%s","type":"PURGE",
                 "requester":{"userId":"anna","name":"Anna Andersson","email":"anna.andersson@kommun.example",
                              "role":"ESERVICE_ADMINISTRATOR"},
                 "purge":{"kind":"TEST_CASES","eServiceId":"es-1","eServiceName":"Parkering"},
                 "status":"FAILED","version":0,
                 "timeline":[{"status":"SUBMITTED","actor":"anna"},
                             {"status":"FAILED","actor":"purge-service","causeEventType":"PurgeFailed",
                              "causeEventId":"ev-1","reason":"No retention rule for the decision"},
                             {"kind":"COMMENTED","status":"FAILED","actor":"anna","reason":"Varför?"}]}
                """.formatted(id));
        old.put("submittedAt", java.util.Date.from(java.time.Instant.parse("2026-11-01T10:00:00Z")));
        old.getList("timeline", Document.class).forEach(entry -> entry.put("at", old.get("submittedAt")));
        mongo.insert(old, "requests");

        HttpAnswer read = get("anna", "/api/requests/" + id);

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().at("/status").asString()).isEqualTo("FAILED");
        assertThat(read.json().at("/failure/reasonCode").asString()).isEqualTo("PURGE_FAILED");
        assertThat(read.json().at("/failure/reason").asString()).isEqualTo("No retention rule for the decision");
        assertThat(read.json().at("/failure/failedBy").asString()).isEqualTo("purge-service");
        assertThat(read.json().at("/failure/causeEventId").asString()).isEqualTo("ev-1");
        assertThat(get("cecilia", "/api/team/requests?q=" + id.substring(4))
                        .json()
                        .at("/items/0/failure/reason")
                        .asString())
                .isEqualTo("No retention rule for the decision");
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
        assertBadRequest(
                "{\"type\":\"PUBLICATION\",\"publication\":{\"kind\":\"NEW_ESERVICE\",\"eServiceId\":\"es-1\",\"eServiceName\":\"X\","
                        + "\"committee\":\"K\",\"orderer\":\"O\",\"checklist\":[null]}}",
                "publication.checklist[0]");
        assertBadRequest("[]", "body");
        assertBadRequest("{\"type\":\"PURGE\",\"purge\":{\"kind\":1}}", "purge.kind");
        assertBadRequest(
                "{\"type\":\"PURGE\",\"purge\":{\"kind\":\"TEST_CASES\",\"eServiceId\":42}}", "purge.eServiceId");
    }

    private void assertBadRequest(String body, String field) {
        HttpAnswer response = post("anna", body);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.json().has("errors")).as(response.body()).isTrue();
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .as(body)
                .containsExactly(field);
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("at se.")
                .doesNotContain("se.municipality")
                .doesNotContain("FileRequestBody")
                .doesNotContain("`");
    }

    private List<?> pendingEventsOf(String id) {
        Document stored = mongo.findById(id, Document.class, "requests");
        return stored == null ? List.of("missing") : stored.getList("pendingEvents", Object.class, List.of());
    }

    private TestHttp http() {
        return TestHttp.at(port);
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
