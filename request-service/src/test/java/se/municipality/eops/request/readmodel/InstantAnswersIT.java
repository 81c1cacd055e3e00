package se.municipality.eops.request.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static se.municipality.eops.request.readmodel.ReadModelFixtures.publish;
import static se.municipality.eops.request.readmodel.ReadModelFixtures.unique;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import se.municipality.eops.contract.permission.Group;
import se.municipality.eops.contract.permission.PermissionAwaitingTraining;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.request.readmodel.persistence.ReadModelCollections;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

/**
 * The answers given at once from the read models, fed by the contract's sample events on the real
 * topics: each answer, the group it came through, and that a grant revoked or expired no longer blocks.
 */
@ServiceIntegrationTest
class InstantAnswersIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void readModelsHaveCaughtUp() {
        await().until(() -> get("anna", "/api/read-models").json().findValues("caughtUp").stream()
                .allMatch(caughtUp -> caughtUp.asBoolean()));
    }

    @Test
    void aNewVersionOfAnEServiceNotInTheCatalogueIsRefusedAtOnceUntilTheCatalogueHasIt() {
        String eService = unique("es-nv");

        HttpAnswer unknown = file("anna", newVersion(eService));

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("publication.eServiceId");
        assertThat(unknown.json().at("/found/0/kind").asString()).isEqualTo("ESERVICE_NOT_IN_CATALOGUE");
        assertThat(unknown.json().at("/errors/0/message").asString()).contains(eService, "not in the catalogue");

        publish(ReadModelFixtures.registered(eService));
        awaitIn(ReadModelCollections.CATALOGUE, Query.query(where("_id").is(eService)));

        assertThat(file("anna", newVersion(eService)).status()).isEqualTo(201);
    }

    @Test
    void anEditorGrantOnAnEServiceThatDoesNotExistIsRefusedUntilItIsPublished() {
        String eService = unique("es-ed");
        String body = personGrant("EDITOR", eService, unique("ed"));

        HttpAnswer unknown = file("anna", body);

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("permission.eServiceId");

        publish(ReadModelFixtures.published(eService));
        awaitIn(ReadModelCollections.CATALOGUE, Query.query(where("_id").is(eService)));

        assertThat(file("anna", body).status()).isEqualTo(201);
    }

    @Test
    void aPersonWhoIsACaseHandlerThroughAGroupIsToldWhichGroupUntilTheGroupsGrantIsRevoked() {
        String eService = catalogued("es-hg");
        String personId = unique("hanna");
        Group group = new Group(unique("hg"), "Bygglovshandläggare");
        PermissionGranted granted = ReadModelFixtures.groupGranted(unique("gr"), eService, group);
        publish(ReadModelFixtures.groupWith(eService, group, ReadModelFixtures.person(personId)));
        publish(granted);
        awaitIn(
                ReadModelCollections.HANDLER_GROUPS,
                Query.query(where("memberIds").is(personId)));
        awaitIn(
                ReadModelCollections.GRANTS,
                Query.query(where("_id").is(granted.grantId()).and("status").is("ACTIVE")));

        // The directory's user name as typed: compared as PersonIds.normalize makes it.
        HttpAnswer already = file("anna", personGrant("CASE_HANDLER", eService, " " + personId.toUpperCase() + " "));

        assertThat(already.status()).as(already.body()).isEqualTo(409);
        assertThat(already.json().get("errors").findValuesAsString("field"))
                .containsExactly("permission.person.userId");
        assertThat(already.json().at("/found/0/kind").asString()).isEqualTo("ALREADY_CASE_HANDLER");
        assertThat(already.json().at("/found/0/facts/through").asString()).isEqualTo("group");
        assertThat(already.json().at("/found/0/facts/groupId").asString()).isEqualTo(group.groupId());
        assertThat(already.json().at("/errors/0/message").asString()).contains("Bygglovshandläggare");

        publish(ReadModelFixtures.revoked(granted));
        awaitIn(
                ReadModelCollections.GRANTS,
                Query.query(where("_id").is(granted.grantId()).and("status").is("ENDED")));

        assertThat(file("anna", personGrant("CASE_HANDLER", eService, personId)).status())
                .isEqualTo(201);
    }

    @Test
    void aDirectCaseHandlerIsToldSoUntilTheGrantExpires() {
        String eService = catalogued("es-dh");
        String personId = unique("dag");
        PermissionGranted granted = ReadModelFixtures.personGranted(
                unique("gr"), PermissionRole.CASE_HANDLER, eService, ReadModelFixtures.person(personId));
        publish(granted);
        awaitIn(ReadModelCollections.GRANTS, Query.query(where("_id").is(granted.grantId())));

        HttpAnswer already = file("anna", personGrant("CASE_HANDLER", eService, personId));

        assertThat(already.status()).as(already.body()).isEqualTo(409);
        assertThat(already.json().at("/found/0/facts/through").asString()).isEqualTo("person");

        publish(ReadModelFixtures.expired(granted));
        awaitIn(
                ReadModelCollections.GRANTS,
                Query.query(where("_id").is(granted.grantId()).and("status").is("ENDED")));

        assertThat(file("anna", personGrant("CASE_HANDLER", eService, personId)).status())
                .isEqualTo(201);
    }

    @Test
    void anAdministratorOrOneAwaitingTrainingIsToldSo() {
        String eService = unique("es-adm");
        String personId = unique("ada");
        String grantId = unique("gr");
        publish(ReadModelFixtures.awaitingTraining(grantId, eService, ReadModelFixtures.person(personId)));
        awaitIn(ReadModelCollections.GRANTS, Query.query(where("_id").is(grantId)));

        HttpAnswer awaiting = file("anna", personGrant("ADMINISTRATOR", eService, personId));

        assertThat(awaiting.status()).as(awaiting.body()).isEqualTo(409);
        assertThat(awaiting.json().at("/found/0/kind").asString()).isEqualTo("ALREADY_ADMINISTRATOR");
        assertThat(awaiting.json().at("/found/0/facts/status").asString()).isEqualTo("AWAITING_TRAINING");

        PermissionGranted active = ReadModelFixtures.personGranted(
                grantId, PermissionRole.ADMINISTRATOR, eService, ReadModelFixtures.person(personId));
        publish(active);
        awaitIn(
                ReadModelCollections.GRANTS,
                Query.query(where("_id").is(grantId).and("status").is("ACTIVE")));
        assertThat(file("anna", personGrant("ADMINISTRATOR", eService, personId))
                        .json()
                        .at("/found/0/facts/status")
                        .asString())
                .isEqualTo("ACTIVE");

        publish(ReadModelFixtures.revoked(active));
        awaitIn(
                ReadModelCollections.GRANTS,
                Query.query(where("_id").is(grantId).and("status").is("ENDED")));
        assertThat(file("anna", personGrant("ADMINISTRATOR", eService, personId))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aGrantWaitingForTheTrainingOfAWithdrawnRequestNoLongerCountsAsAnAdministrator() {
        String eService = unique("es-wd");
        String personId = unique("wanda");
        String requestId = file("anna", personGrant("ADMINISTRATOR", eService, personId))
                .json()
                .get("id")
                .asString();
        awaitingTrainingFor(requestId, eService, personId);
        HttpAnswer withdrawn =
                http().post("/api/requests/" + requestId + "/withdrawal", token("anna"), "{\"reason\":\"Fel person\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);

        HttpAnswer again = file("anna", personGrant("ADMINISTRATOR", eService, personId));

        assertThat(again.status())
                .as("permission-service withdrew the grant waiting for training: " + again.body())
                .isEqualTo(201);
    }

    @Test
    void aRetryWithTheSameKeyAfterPermissionServiceActedAnswersTheFirstRequest() {
        String eService = unique("es-retry");
        String personId = unique("rita");
        String body = personGrant("ADMINISTRATOR", eService, personId);
        String key = "form-" + UUID.randomUUID();
        HttpAnswer first = fileWithKey("anna", body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String requestId = first.json().get("id").asString();
        awaitingTrainingFor(requestId, eService, personId);

        HttpAnswer retried = fileWithKey("anna", body, key);
        HttpAnswer otherBody = fileWithKey("anna", personGrant("ADMINISTRATOR", eService, unique("other")), key);

        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("id").asString()).isEqualTo(requestId);
        assertThat(otherBody.status()).as(otherBody.body()).isEqualTo(409);
        assertThat(otherBody.json().at("/errors/0/code").asString()).isEqualTo("taken");
        assertThat(file("anna", body).json().at("/found/0/kind").asString())
                .as("without the key it is a new request, answered at once")
                .isEqualTo("ALREADY_ADMINISTRATOR");
    }

    @Test
    void aDraftSubmittedAgainAfterItsFilingWasCarriedOutAnswersItsRequest() {
        String eService = unique("es-drs");
        String personId = unique("dora");
        String draftId = http().post("/api/drafts", token("anna"), "{\"type\":\"PERMISSION\"}")
                .json()
                .get("id")
                .asString();
        assertThat(putStep(
                                draftId,
                                "permission",
                                "{\"permission\":{\"change\":\"GRANT\",\"role\":\"ADMINISTRATOR\",\"eServiceId\":\""
                                        + eService + "\",\"eServiceName\":\"Bygglov\"}}")
                        .status())
                .isEqualTo(200);
        assertThat(putStep(
                                draftId,
                                "holder",
                                "{\"permission\":{\"person\":{\"userId\":\"" + personId
                                        + "\",\"name\":\"Test Person\",\"email\":\"test.person@kommun.example\"}}}")
                        .status())
                .isEqualTo(200);
        HttpAnswer submitted = http().post("/api/drafts/" + draftId + "/submit", token("anna"), null);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String requestId = submitted.json().get("requestId").asString();
        // The service died between filing the request and marking the draft submitted.
        mongo.updateFirst(Query.query(where("_id").is(draftId)), new Update().unset("submittedRequestId"), "drafts");
        awaitingTrainingFor(requestId, eService, personId);

        HttpAnswer again = http().post("/api/drafts/" + draftId + "/submit", token("anna"), null);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("requestId").asString()).isEqualTo(requestId);
    }

    @Test
    void aGrantWaitingForTheTrainingOfARequestTheTeamRejectedNoLongerCountsAsAnAdministrator() {
        String eService = unique("es-rj");
        String personId = unique("rune");
        String requestId = file("anna", personGrant("ADMINISTRATOR", eService, personId))
                .json()
                .get("id")
                .asString();
        awaitingTrainingFor(requestId, eService, personId);
        HttpAnswer rejected = http().post(
                        "/api/team/requests/" + requestId + "/rejection",
                        token("cecilia"),
                        "{\"reason\":\"Utbildningen dröjer för länge\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        HttpAnswer again = file("anna", personGrant("ADMINISTRATOR", eService, personId));

        assertThat(again.status())
                .as("permission-service withdraws the grant waiting for training: " + again.body())
                .isEqualTo(201);
    }

    @Test
    void aTimeBoundGrantBlocksOnlyAGrantEndingNoLaterSoThatOneEndingLaterExtendsIt() {
        String eService = catalogued("es-tb");
        Instant until = Instant.now().plus(Duration.ofDays(200)).truncatedTo(ChronoUnit.SECONDS);
        String handler = unique("tove");
        String administrator = unique("tage");
        publish(held(
                ReadModelFixtures.personGranted(
                        unique("gr"), PermissionRole.CASE_HANDLER, eService, ReadModelFixtures.person(handler)),
                until));
        publish(held(
                ReadModelFixtures.personGranted(
                        unique("gr"), PermissionRole.ADMINISTRATOR, eService, ReadModelFixtures.person(administrator)),
                until));
        awaitIn(ReadModelCollections.GRANTS, Query.query(where("personId").is(handler)));
        awaitIn(ReadModelCollections.GRANTS, Query.query(where("personId").is(administrator)));

        for (String[] asked :
                List.of(new String[] {"CASE_HANDLER", handler}, new String[] {"ADMINISTRATOR", administrator})) {
            HttpAnswer shorter =
                    file("anna", personGrant(asked[0], eService, asked[1], until.minus(Duration.ofDays(1))));
            HttpAnswer asLong = file("anna", personGrant(asked[0], eService, asked[1], until));
            HttpAnswer longer =
                    file("anna", personGrant(asked[0], eService, asked[1], until.plus(Duration.ofDays(365))));

            assertThat(shorter.status()).as(shorter.body()).isEqualTo(409);
            assertThat(shorter.json().at("/found/0/kind").asString()).startsWith("ALREADY_");
            assertThat(asLong.status()).as(asLong.body()).isEqualTo(409);
            assertThat(longer.status()).as("an extension: " + longer.body()).isEqualTo(201);
        }
    }

    @Test
    void aGrantStoredBeforeTheReadModelKeptEndsIsLeftToPermissionServiceAndOneWithoutAnEndBlocksEveryEnd() {
        String eService = catalogued("es-old");
        String old = unique("olle");
        String forGood = unique("frida");
        PermissionGranted oldGrant = ReadModelFixtures.personGranted(
                unique("gr"), PermissionRole.CASE_HANDLER, eService, ReadModelFixtures.person(old));
        publish(oldGrant);
        publish(ReadModelFixtures.personGranted(
                unique("gr"), PermissionRole.CASE_HANDLER, eService, ReadModelFixtures.person(forGood)));
        awaitIn(ReadModelCollections.GRANTS, Query.query(where("personId").is(old)));
        awaitIn(ReadModelCollections.GRANTS, Query.query(where("personId").is(forGood)));
        mongo.updateFirst(
                Query.query(where("_id").is(oldGrant.grantId())),
                new Update().unset(ReadModelCollections.VALID_UNTIL),
                ReadModelCollections.GRANTS);

        Instant someday = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(file("anna", personGrant("CASE_HANDLER", eService, forGood, someday))
                        .status())
                .isEqualTo(409);
        assertThat(file("anna", personGrant("CASE_HANDLER", eService, old, someday))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aSecondOpenRequestForTheSameThingIsRefusedNamingTheFirstToItsRequesterOnly() {
        String eService = unique("es-dup");
        String purge = "{\"type\":\"PURGE\",\"purge\":{\"kind\":\"TEST_CASES\",\"eServiceId\":\"" + eService
                + "\",\"eServiceName\":\"Parkering\"}}";
        String key = "form-" + UUID.randomUUID();

        HttpAnswer first = fileWithKey("anna", purge, key);
        HttpAnswer retried = fileWithKey("anna", purge, key);
        HttpAnswer again = file("anna", purge);
        HttpAnswer someoneElse = file("erik", purge);

        assertThat(first.status()).isEqualTo(201);
        String id = first.json().get("id").asString();
        assertThat(retried.status())
                .as("a retry with the same key is the same request")
                .isEqualTo(200);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().at("/found/0/kind").asString()).isEqualTo("OPEN_REQUEST_EXISTS");
        assertThat(again.json().at("/found/0/facts/requestId").asString()).isEqualTo(id);
        assertThat(again.json().get("errors").findValuesAsString("field")).containsExactly("purge.eServiceId");
        assertThat(someoneElse.status()).isEqualTo(409);
        assertThat(someoneElse.body()).doesNotContain(id);
        assertThat(file(
                                "anna",
                                purge.replace("TEST_CASES", "RETENTION")
                                        .replace("}}", ",\"committee\":\"SBN\",\"purgeDecisionReference\":\"SBN 1\"}}"))
                        .status())
                .as("another kind of purge is another thing")
                .isEqualTo(201);

        // Once the first request is done (status set as the status machine would), asking again is new.
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("status", "COMPLETED"), "requests");
        HttpAnswer anew = file("anna", purge);
        assertThat(anew.status()).isEqualTo(201);
        HttpAnswer thirdTime = file("anna", purge);
        assertThat(thirdTime.status()).as("the new request is the open one now").isEqualTo(409);
        assertThat(thirdTime.json().at("/found/0/facts/requestId").asString())
                .isEqualTo(anew.json().get("id").asString());
    }

    @Test
    void ofManyFilingsOfTheSameThingAtOnceOneIsFiledAndTheOthersAreRefusedNamingIt() throws Exception {
        String eService = unique("es-race");
        String purge = "{\"type\":\"PURGE\",\"purge\":{\"kind\":\"TEST_CASES\",\"eServiceId\":\"" + eService
                + "\",\"eServiceName\":\"Parkering\"}}";
        int filings = 8;
        CyclicBarrier together = new CyclicBarrier(filings);
        List<HttpAnswer> answers;
        ExecutorService filers = Executors.newFixedThreadPool(filings);
        try {
            List<Future<HttpAnswer>> sent = new ArrayList<>();
            for (int i = 0; i < filings; i++) {
                sent.add(filers.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return file("anna", purge);
                }));
            }
            answers = new ArrayList<>();
            for (Future<HttpAnswer> answer : sent) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }
        } finally {
            filers.shutdownNow();
        }

        List<HttpAnswer> filed =
                answers.stream().filter(answer -> answer.status() == 201).toList();
        assertThat(filed)
                .as(
                        "filed at once (statuses %s)",
                        answers.stream().map(HttpAnswer::status).toList())
                .hasSize(1);
        String id = filed.get(0).json().get("id").asString();
        assertThat(answers.stream().filter(answer -> answer.status() != 201))
                .hasSize(filings - 1)
                .allSatisfy(refused -> {
                    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
                    assertThat(refused.json().at("/found/0/kind").asString()).isEqualTo("OPEN_REQUEST_EXISTS");
                    assertThat(refused.json().at("/found/0/facts/requestId").asString())
                            .isEqualTo(id);
                });
        assertThat(mongo.count(Query.query(where("purge.eServiceId").is(eService)), "requests"))
                .isEqualTo(1);
    }

    @Test
    void aDraftStepGetsTheAnswersAboutItsOwnFields() {
        String eService = unique("es-draft");
        String draftId = http().post("/api/drafts", token("anna"), "{\"type\":\"PERMISSION\"}")
                .json()
                .get("id")
                .asString();

        HttpAnswer step = http().call(
                        HttpMethod.PUT,
                        "/api/drafts/" + draftId + "/steps/permission",
                        token("anna"),
                        "{\"permission\":{\"change\":\"GRANT\",\"role\":\"CASE_HANDLER\",\"eServiceId\":\"" + eService
                                + "\",\"eServiceName\":\"Bygglov\"}}");

        assertThat(step.status()).as(step.body()).isEqualTo(422);
        assertThat(step.json().get("errors").findValuesAsString("field")).containsExactly("permission.eServiceId");
    }

    /** permission-service's answer to the administrator request: its grant awaits the person's training. */
    private void awaitingTrainingFor(String requestId, String eService, String personId) {
        String grantId = "gr-" + requestId;
        PermissionAwaitingTraining sample =
                ReadModelFixtures.awaitingTraining(grantId, eService, ReadModelFixtures.person(personId));
        publish(new PermissionAwaitingTraining(
                sample.eventId(),
                sample.grantId(),
                sample.occurredAt(),
                requestId,
                sample.role(),
                sample.eServiceId(),
                sample.eServiceName(),
                sample.person(),
                sample.validFrom(),
                sample.validUntil(),
                sample.decidedBy()));
        awaitIn(ReadModelCollections.GRANTS, Query.query(where("_id").is(grantId)));
    }

    private HttpAnswer putStep(String draftId, String step, String body) {
        return http().call(HttpMethod.PUT, "/api/drafts/" + draftId + "/steps/" + step, token("anna"), body);
    }

    private String catalogued(String prefix) {
        String eService = unique(prefix);
        publish(ReadModelFixtures.registered(eService));
        awaitIn(ReadModelCollections.CATALOGUE, Query.query(where("_id").is(eService)));
        return eService;
    }

    private void awaitIn(String collection, Query query) {
        await().until(() -> mongo.exists(query, collection));
    }

    private static String newVersion(String eService) {
        return "{\"type\":\"PUBLICATION\",\"publication\":{\"kind\":\"NEW_VERSION\",\"eServiceId\":\"" + eService
                + "\",\"eServiceName\":\"Parkering\",\"versionLabel\":\"2.0\"}}";
    }

    private static String personGrant(String role, String eService, String userId, Instant validUntil) {
        return personGrant(role, eService, userId).replace("}}}", "},\"validUntil\":\"" + validUntil + "\"}}");
    }

    /** The grant as permission-service publishes a time-bound one. */
    private static PermissionGranted held(PermissionGranted granted, Instant validUntil) {
        return new PermissionGranted(
                granted.eventId(),
                granted.grantId(),
                granted.occurredAt(),
                granted.requestId(),
                granted.role(),
                granted.eServiceId(),
                granted.eServiceName(),
                granted.person(),
                granted.group(),
                granted.occurredAt(),
                validUntil,
                granted.decidedBy(),
                granted.trainingCompletedOn());
    }

    private static String personGrant(String role, String eService, String userId) {
        return "{\"type\":\"PERMISSION\",\"permission\":{\"change\":\"GRANT\",\"role\":\"" + role
                + "\",\"eServiceId\":\""
                + eService + "\",\"eServiceName\":\"Bygglov\",\"person\":{\"userId\":\"" + userId
                + "\",\"name\":\"Test Person\",\"email\":\"test.person@kommun.example\"}}}";
    }

    private HttpAnswer file(String user, String body) {
        return http().post("/api/requests", token(user), body);
    }

    private HttpAnswer fileWithKey(String user, String body, String key) {
        return http().call(HttpMethod.POST, "/api/requests", token(user), body, key);
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
