package se.municipality.eops.permission.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.permission.PermissionRequests.grant;
import static se.municipality.eops.permission.PermissionRequests.person;
import static se.municipality.eops.permission.PermissionRequests.publish;
import static se.municipality.eops.permission.PermissionRequests.uniqueEService;
import static se.municipality.eops.permission.PermissionRequests.uniqueUser;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.permission.grant.application.ExecutePermissionRequest;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

@ServiceIntegrationTest
class TrainingGateIT {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();
    final PublishedEvents events = PublishedEvents.get();

    @Test
    void administratorGrantWaitsForTheTrainingAndActivatesByItselfWhenItIsRecorded() {
        String user = uniqueUser("carl");
        String eServiceId = uniqueEService();
        RequestSubmitted request = grant(PermissionRole.ADMINISTRATOR, eServiceId, person(user, "Carl Carlsson"));
        String grantId = ExecutePermissionRequest.grantIdFor(request.requestId());

        publish(request);

        CapturedEvent waiting =
                events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionAwaitingTraining", e -> grantId.equals(e.key()));
        assertThat(waiting.payloadContains("\"requestId\":\"" + request.requestId() + "\""))
                .isTrue();
        assertThat(grantStatus(grantId)).isEqualTo("AWAITING_TRAINING");
        assertThat(mayAdminister(user, eServiceId)).isFalse();
        assertThat(events.find(Topics.PERMISSION_EVENTS, "PermissionGranted", e -> grantId.equals(e.key())))
                .as("nothing but the training activates it")
                .isEmpty();

        HttpAnswer recorded = recordTraining("cecilia", user);

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().get("activatedGrants").asInt()).isEqualTo(1);
        CapturedEvent trained =
                events.awaitOne(Topics.PERMISSION_EVENTS, "TrainingCompleted", e -> user.equals(e.key()));
        assertThat(trained.payloadContains(grantId)).isTrue();
        CapturedEvent granted =
                events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionGranted", e -> grantId.equals(e.key()));
        assertThat(granted.payloadContains("\"trainingCompletedOn\":\"2026-11-20\""))
                .isTrue();
        assertThat(granted.payloadContains("\"requestId\":\"" + request.requestId() + "\""))
                .isTrue();
        assertThat(mayAdminister(user, eServiceId)).isTrue();
        HttpAnswer history = http().get("/api/grants/" + grantId, tokens.tokenFor("anna"));
        assertThat(history.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(history.json().at("/history/0/status").asString()).isEqualTo("AWAITING_TRAINING");
        assertThat(history.json().at("/history/0/requestId").asString()).isEqualTo(request.requestId());
        assertThat(history.json().at("/history/0/by").asString()).isEqualTo("anna");
        assertThat(history.json().at("/history/1/status").asString()).isEqualTo("ACTIVE");
        assertThat(history.json().at("/history/1/by").asString()).isEqualTo("cecilia");
    }

    @Test
    void administratorWhoseTrainingIsOnRecordAlreadyIsGrantedAtOnce() {
        String user = uniqueUser("dora");
        String eServiceId = uniqueEService();
        assertThat(recordTraining("cecilia", user).status()).isEqualTo(201);
        events.awaitOne(Topics.PERMISSION_EVENTS, "TrainingCompleted", e -> user.equals(e.key()));
        // The request names the person in other case, as a directory might: still the same person.
        RequestSubmitted request =
                grant(PermissionRole.ADMINISTRATOR, eServiceId, person(" " + user.toUpperCase() + " ", "Dora Dahl"));
        String grantId = ExecutePermissionRequest.grantIdFor(request.requestId());

        publish(request);

        events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionGranted", e -> grantId.equals(e.key()));
        assertThat(events.find(Topics.PERMISSION_EVENTS, "PermissionAwaitingTraining", e -> grantId.equals(e.key())))
                .isEmpty();
        assertThat(mayAdminister(user, eServiceId)).isTrue();
    }

    @Test
    void onlyTheCentralTeamRecordsTrainings() {
        String user = uniqueUser("eva");

        assertThat(recordTraining("anna", user).status()).isEqualTo(403);
        assertThat(http().post("/api/trainings", null, "{}").status()).isEqualTo(401);
    }

    @Test
    void aTrainingWithoutCourseOrDayIsRefusedNamingTheField() {
        HttpAnswer answer = http().post(
                        "/api/trainings",
                        tokens.tokenFor("cecilia"),
                        "{\"userId\":\"frida\",\"completedOn\":\"2026-11-20\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("course");
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("course");
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("required");
    }

    @Test
    void aTrainingCompletedAfterTodayIsRefusedAndActivatesNothing() {
        String user = uniqueUser("gustav");
        RequestSubmitted request = grant(PermissionRole.ADMINISTRATOR, uniqueEService(), person(user, "Gustav Gran"));
        String grantId = ExecutePermissionRequest.grantIdFor(request.requestId());
        publish(request);
        events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionAwaitingTraining", e -> grantId.equals(e.key()));
        // "Today" is the service's, in Stockholm: late in the UTC evening it is tomorrow there already.
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Stockholm"));

        HttpAnswer tomorrow = recordTraining("cecilia", user, today.plusDays(1).toString());
        HttpAnswer longAgo = recordTraining("cecilia", user, "1999-12-31");

        assertThat(tomorrow.status()).isEqualTo(400);
        assertThat(tomorrow.json().at("/errors/0/field").asString()).isEqualTo("completedOn");
        assertThat(tomorrow.json().at("/errors/0/code").asString()).isEqualTo("in-future");
        assertThat(tomorrow.json().at("/errors/0/params/today").asString()).isEqualTo(today.toString());
        assertThat(longAgo.status()).isEqualTo(400);
        assertThat(longAgo.json().at("/errors/0/field").asString()).isEqualTo("completedOn");
        assertThat(longAgo.json().at("/errors/0/code").asString()).isEqualTo("too-early");
        assertThat(grantStatus(grantId)).isEqualTo("AWAITING_TRAINING");
        assertThat(http().get("/api/trainings?userId=" + user, tokens.tokenFor("cecilia"))
                        .json()
                        .get("total")
                        .asInt())
                .as("nothing on record")
                .isZero();

        HttpAnswer completedToday = recordTraining("cecilia", user, today.toString());

        assertThat(completedToday.status()).isEqualTo(201);
        assertThat(completedToday.json().get("activatedGrants").asInt()).isEqualTo(1);
        events.awaitOne(Topics.PERMISSION_EVENTS, "TrainingCompleted", e -> user.equals(e.key()));
        assertThat(events.find(Topics.PERMISSION_EVENTS, "TrainingCompleted", e -> user.equals(e.key())))
                .hasSize(1);
    }

    @Test
    void aTrainingFormIsRefusedWithEveryFieldItMustCorrectAtOnce() {
        HttpAnswer empty = http().post("/api/trainings", tokens.tokenFor("cecilia"), "{\"name\":\"Carl Carlsson\"}");

        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(fieldsAndCodes(empty))
                .containsExactly("person.userId required", "completedOn required", "course required");

        String user = uniqueUser("hilda");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Stockholm"));
        HttpAnswer everyRuleBroken = http().post(
                        "/api/trainings",
                        tokens.tokenFor("cecilia"),
                        "{\"userId\":\"" + user + "\",\"email\":\"ingen adress\",\"completedOn\":\"" + today.plusDays(1)
                                + "\",\"course\":\"" + "k".repeat(201) + "\"}");

        assertThat(everyRuleBroken.status()).as(everyRuleBroken.body()).isEqualTo(400);
        assertThat(fieldsAndCodes(everyRuleBroken))
                .containsExactly("person.email not-an-email", "completedOn in-future", "course too-long");
        assertThat(everyRuleBroken.json().at("/errors/1/params/today").asString())
                .isEqualTo(today.toString());
        assertThat(http().get("/api/trainings?userId=" + user, tokens.tokenFor("cecilia"))
                        .json()
                        .get("total")
                        .asInt())
                .as("nothing on record")
                .isZero();
    }

    private static java.util.List<String> fieldsAndCodes(HttpAnswer refused) {
        return refused.json()
                .get("errors")
                .valueStream()
                .map(error ->
                        error.get("field").asString() + " " + error.get("code").asString())
                .toList();
    }

    private HttpAnswer recordTraining(String as, String user) {
        return recordTraining(as, user, "2026-11-20");
    }

    private HttpAnswer recordTraining(String as, String user, String completedOn) {
        return http().post(
                        "/api/trainings",
                        tokens.tokenFor(as),
                        "{\"userId\":\"" + user + "\",\"name\":\"Carl Carlsson\",\"completedOn\":\"" + completedOn
                                + "\","
                                + "\"course\":\"E-tjänsteadministratör grundkurs\"}");
    }

    private boolean mayAdminister(String user, String eServiceId) {
        HttpAnswer answer = http().get(
                        "/api/permissions/check?personId=" + user + "&role=ADMINISTRATOR&eServiceId=" + eServiceId,
                        tokens.tokenFor("nils"));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("allowed").asBoolean();
    }

    private String grantStatus(String grantId) {
        return org.awaitility.Awaitility.await()
                .until(
                        () -> http().get("/api/grants/" + grantId, tokens.tokenFor("anna")),
                        answer -> answer.status() == 200)
                .json()
                .get("status")
                .asString();
    }

    private TestHttp http() {
        return TestHttp.at(port);
    }
}
