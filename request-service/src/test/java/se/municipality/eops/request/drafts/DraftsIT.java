package se.municipality.eops.request.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import se.municipality.eops.request.drafts.application.DraftExpiry;
import se.municipality.eops.request.drafts.application.DraftProperties;
import se.municipality.eops.request.filing.domain.RequestRules;
import se.municipality.eops.starter.web.WebInputProperties;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

/** A request written step by step as a draft, then submitted; drafts are their owner's alone and expire. */
@ServiceIntegrationTest
class DraftsIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MovableClock clock;

    @Autowired
    DraftExpiry expiry;

    @Autowired
    DraftProperties properties;

    @Test
    void theStepsOfEachTypeArePublishedWithTheirFields() {
        HttpAnswer types = get("nils", "/api/request-types");
        HttpAnswer publication = get("anna", "/api/request-types/PUBLICATION/steps");

        assertThat(types.status()).as("any logged-in user may read them").isEqualTo(200);
        assertThat(types.json().findValuesAsString("type")).contains("PUBLICATION", "PURGE", "PERMISSION");
        assertThat(publication.status()).isEqualTo(200);
        assertThat(publication.json().findValuesAsString("id"))
                .containsExactly("eservice", "responsibility", "checklist", "message");
        assertThat(publication.json().at("/1/fields/0/name").asString()).isEqualTo("publication.committee");
        assertThat(publication.json().at("/1/fields/0/label/sv").asString()).isEqualTo("Ansvarig nämnd");
        assertThat(publication.json().at("/1/fields/0/maxLength").asInt()).isEqualTo(200);
        assertThat(publication.json().at("/1/fields/0/requiredWhen/values/0").asString())
                .isEqualTo("NEW_ESERVICE");
        assertThat(publication.json().at("/2/fields/0/requiredWhen/values").toString())
                .as("the checklist: required for a new e-service only")
                .isEqualTo("[\"NEW_ESERVICE\"]");
        assertThat(publication.json().at("/2/rules/0/en").asString()).contains("every mandatory item");
        assertThat(publication.json().at("/0/fields/0/allowedValues").toString())
                .contains("NEW_VERSION");
        assertThat(http().get("/api/request-types", null).status()).isEqualTo(401);
        assertThat(get("anna", "/api/request-types/PAINT/steps").status()).isEqualTo(400);
        assertThat(get("anna", "/v3/api-docs").body())
                .contains("/api/request-types/{type}/steps", "/api/drafts/{id}/submit");
    }

    @Test
    void aDraftIsFilledStepByStepEachStepJudgedAloneAndSubmittedOnceComplete() {
        String eService = "es-" + UUID.randomUUID().toString().substring(0, 8);
        HttpAnswer started = post("anna", "/api/drafts", "{\"type\":\"PUBLICATION\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().get("id").asString();
        assertThat(started.header(HttpHeaders.LOCATION)).isEqualTo("/api/drafts/" + id);

        HttpAnswer nameMissing = put(
                "anna",
                id,
                "eservice",
                "{\"publication\":{\"kind\":\"NEW_ESERVICE\",\"eServiceId\":\"" + eService + "\"}}");
        assertThat(nameMissing.status()).as(nameMissing.body()).isEqualTo(400);
        assertThat(nameMissing.isProblem()).isTrue();
        assertThat(nameMissing.json().get("step").asString()).isEqualTo("eservice");
        assertThat(nameMissing.json().get("errors").findValuesAsString("field"))
                .as("later steps (committee, orderer, checklist) are not judged yet")
                .containsExactly("publication.eServiceName");
        assertThat(nameMissing.json().at("/errors/0/code").asString()).isEqualTo("required");

        HttpAnswer first = put(
                "anna",
                id,
                "eservice",
                "{\"publication\":{\"kind\":\"NEW_ESERVICE\",\"eServiceId\":\"" + eService
                        + "\",\"eServiceName\":\"Ansökan om bygglov\"}}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().at("/steps/0/complete").asBoolean()).isTrue();
        assertThat(first.json().at("/steps/1/complete").asBoolean()).isFalse();

        HttpAnswer tooEarly = post("anna", "/api/drafts/" + id + "/submit", null);
        assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(400);
        assertThat(tooEarly.json().get("step").asString()).isEqualTo("responsibility");
        assertThat(tooEarly.json().get("errors").findValuesAsString("field"))
                .containsExactly("publication.committee", "publication.orderer");

        HttpAnswer ordererMissing =
                put("anna", id, "responsibility", "{\"publication\":{\"committee\":\"Byggnadsnämnden\"}}");
        assertThat(ordererMissing.status()).isEqualTo(400);
        assertThat(ordererMissing.json().get("errors").findValuesAsString("field"))
                .containsExactly("publication.orderer");
        HttpAnswer strayField = put(
                "anna",
                id,
                "responsibility",
                "{\"publication\":{\"committee\":\"BN\",\"orderer\":\"B\"," + "\"message\":\"Hej\"}}");
        assertThat(strayField.status()).isEqualTo(400);
        assertThat(strayField.json().at("/errors/0/field").asString()).isEqualTo("publication.message");
        assertThat(strayField.json().at("/errors/0/message").asString()).contains("step message");
        assertThat(strayField.json().at("/errors/0/code").asString()).isEqualTo("other-step");
        assertThat(strayField.json().at("/errors/0/params/step").asString()).isEqualTo("message");

        assertThat(put(
                                "anna",
                                id,
                                "responsibility",
                                "{\"publication\":{\"committee\":\"Byggnadsnämnden\","
                                        + "\"orderer\":\"Bygglovsenheten\"}}")
                        .status())
                .isEqualTo(200);
        assertThat(put(
                                "anna",
                                id,
                                "checklist",
                                "{\"publication\":{\"checklist\":[{\"item\":\"Tillgänglighetsgranskad\","
                                        + "\"done\":true}]}}")
                        .status())
                .isEqualTo(200);
        HttpAnswer read = get("anna", "/api/drafts/" + id);
        assertThat(read.json().at("/publication/eServiceName").asString())
                .as("saving a later step keeps the earlier steps' fields")
                .isEqualTo("Ansökan om bygglov");
        assertThat(read.json().findValues("complete")).allMatch(complete -> complete.asBoolean());

        HttpAnswer submitted = post("anna", "/api/drafts/" + id + "/submit", null);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String requestId = submitted.json().get("requestId").asString();
        assertThat(submitted.header(HttpHeaders.LOCATION)).isEqualTo("/api/requests/" + requestId);
        HttpAnswer request = get("anna", "/api/requests/" + requestId);
        assertThat(request.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(request.json().at("/publication/committee").asString()).isEqualTo("Byggnadsnämnden");

        HttpAnswer twice = post("anna", "/api/drafts/" + id + "/submit", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().at("/errors/0/message").asString()).contains(requestId);
        assertThat(twice.json().at("/errors/0/code").asString()).isEqualTo("draft-submitted");
        assertThat(twice.json().at("/errors/0/params/requestId").asString()).isEqualTo(requestId);
        HttpAnswer changedAfter = put("anna", id, "eservice", "{\"publication\":{\"eServiceName\":\"Ny\"}}");
        assertThat(changedAfter.status()).isEqualTo(409);
        assertThat(changedAfter.json().at("/errors/0/code").asString()).isEqualTo("draft-submitted");
    }

    @Test
    void aDraftIsItsOwnersAlone() {
        String id = post("anna", "/api/drafts", "{\"type\":\"PURGE\"}")
                .json()
                .get("id")
                .asString();
        String purge = "{\"purge\":{\"kind\":\"TEST_CASES\",\"eServiceId\":\"es-9\",\"eServiceName\":\"P\"}}";

        assertThat(get("erik", "/api/drafts/" + id).status()).isEqualTo(404);
        assertThat(put("erik", id, "eservice", purge).status()).isEqualTo(404);
        assertThat(post("erik", "/api/drafts/" + id + "/submit", null).status()).isEqualTo(404);
        assertThat(http().call(HttpMethod.DELETE, "/api/drafts/" + id, token("erik"), null)
                        .status())
                .isEqualTo(404);
        assertThat(post("nils", "/api/drafts", "{\"type\":\"PURGE\"}").status())
                .as("a case handler files no requests")
                .isEqualTo(403);

        assertThat(http().call(HttpMethod.DELETE, "/api/drafts/" + id, token("anna"), null)
                        .status())
                .isEqualTo(204);
        assertThat(get("anna", "/api/drafts/" + id).status()).isEqualTo(404);
    }

    @Test
    void aDraftExpiresAfterTheConfiguredTimeWithoutAChangeAndTheJobRemovesIt() {
        String id = post("erik", "/api/drafts", "{\"type\":\"PERMISSION\"}")
                .json()
                .get("id")
                .asString();
        clock.advance(properties.expireAfter().minus(Duration.ofMinutes(1)));
        assertThat(put(
                                "erik",
                                id,
                                "permission",
                                "{\"permission\":{\"change\":\"REVOKE\",\"role\":\"EDITOR\","
                                        + "\"eServiceId\":\"es-1\",\"eServiceName\":\"P\"}}")
                        .status())
                .as("a change keeps it another expire-after")
                .isEqualTo(200);
        clock.advance(properties.expireAfter().minus(Duration.ofMinutes(1)));
        assertThat(get("erik", "/api/drafts/" + id).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(2));

        HttpAnswer expired = get("erik", "/api/drafts/" + id);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.isProblem()).isTrue();
        assertThat(mongo.exists(Query.query(where("_id").is(id)), "drafts")).isTrue();
        expiry.run();
        assertThat(mongo.exists(Query.query(where("_id").is(id)), "drafts")).isFalse();
        assertThat(get("erik", "/api/drafts/" + id).status()).isEqualTo(404);
    }

    @Test
    void aStepIsBoundedLikeTheFilingBody() {
        String id = post("erik", "/api/drafts", "{\"type\":\"PURGE\"}")
                .json()
                .get("id")
                .asString();
        long maxBody = WebInputProperties.DEFAULT_MAX_BODY_SIZE.toBytes();

        HttpAnswer tooLarge =
                put("erik", id, "message", "{\"purge\":{\"message\":\"" + "x".repeat((int) maxBody) + "\"}}");
        HttpAnswer tooLong = put(
                "erik",
                id,
                "message",
                "{\"purge\":{\"message\":\"" + "x".repeat(RequestRules.MAX_MESSAGE + 1) + "\"}}");

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").findValuesAsString("field")).containsExactly("purge.message");
        assertThat(tooLong.json().at("/errors/0/message").asString()).isEqualTo("may be at most 4000 characters");
        assertThat(tooLong.json().at("/errors/0/code").asString()).isEqualTo("too-long");
        assertThat(tooLong.json().at("/errors/0/params/max").asInt()).isEqualTo(RequestRules.MAX_MESSAGE);
        assertThat(get("erik", "/api/drafts/" + id).json().at("/purge/message").isMissingNode())
                .as("a step that breaks a rule is not saved")
                .isTrue();
        http().call(HttpMethod.DELETE, "/api/drafts/" + id, token("erik"), null);
    }

    private HttpAnswer put(String user, String id, String step, String body) {
        return http().call(HttpMethod.PUT, "/api/drafts/" + id + "/steps/" + step, token(user), body);
    }

    private HttpAnswer post(String user, String path, String body) {
        return http().call(HttpMethod.POST, path, token(user), body);
    }

    private HttpAnswer get(String user, String path) {
        return http().get(path, token(user));
    }

    private TestHttp http() {
        return TestHttp.at(port);
    }

    private static String token(String user) {
        return SharedInfrastructure.get().tokens().tokenFor(user);
    }
}
