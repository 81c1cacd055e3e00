package se.municipality.eops.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.permission.PermissionRequests.awaitHandled;
import static se.municipality.eops.permission.PermissionRequests.grant;
import static se.municipality.eops.permission.PermissionRequests.person;
import static se.municipality.eops.permission.PermissionRequests.publish;
import static se.municipality.eops.permission.PermissionRequests.rejected;
import static se.municipality.eops.permission.PermissionRequests.uniqueEService;
import static se.municipality.eops.permission.PermissionRequests.uniqueUser;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestRejected.ReasonCode;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.permission.grant.application.ExecutePermissionRequest;
import se.municipality.eops.permission.grant.application.WithdrawPermissionRequest;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * The central team rejects a permission request (request-service's {@code RequestRejected} with {@code
 * REJECTED_BY_TEAM}, on the request's partition): an administrator grant still waiting for the training stops as on a
 * withdrawal and never activates. A rejection for another reason changes nothing.
 */
@ServiceIntegrationTest
class RequestRejectionIT {

    @LocalServerPort
    int port;

    @Autowired
    WithdrawPermissionRequest withdraw;

    final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();
    final PublishedEvents events = PublishedEvents.get();

    @Test
    void aGrantWaitingForTheTrainingStopsWhenTheTeamRejectsItsRequestAndTheTrainingNoLongerActivatesIt() {
        String user = uniqueUser("tor");
        String eServiceId = uniqueEService();
        RequestSubmitted request = grant(PermissionRole.ADMINISTRATOR, eServiceId, person(user, "Tor Ek"));
        String grantId = ExecutePermissionRequest.grantIdFor(request.requestId());
        publish(request);
        events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionAwaitingTraining", e -> grantId.equals(e.key()));
        RequestRejected rejection = rejected(request, ReasonCode.REJECTED_BY_TEAM);

        awaitHandled(publish(rejection));

        JsonNode stopped = grantView(grantId);
        assertThat(stopped.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(stopped.get("history")).hasSize(2);
        assertThat(stopped.at("/history/1/status").asString()).isEqualTo("WITHDRAWN");
        assertThat(stopped.at("/history/1/requestId").asString()).isEqualTo(request.requestId());
        assertThat(stopped.at("/history/1/by").asString()).isEqualTo("cecilia");
        assertThat(stopped.at("/history/1/note").asString())
                .startsWith("request rejected by the central team")
                .contains("Ingen utbildning planerad");

        // Redelivered past the starter's record (a new event id, or a crash before it was written): the status guards.
        assertThat(withdraw.handle(rejection)).isFalse();
        awaitHandled(publish(new RequestRejected(
                UUID.randomUUID(),
                rejection.requestId(),
                rejection.occurredAt(),
                rejection.requester(),
                rejection.requestType(),
                rejection.eServiceId(),
                rejection.eServiceName(),
                rejection.rejectedBy(),
                rejection.reasonCode(),
                rejection.reason(),
                null)));
        assertThat(grantView(grantId)).isEqualTo(stopped);

        HttpAnswer recorded = recordTraining(user);

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().get("activatedGrants").asInt()).isZero();
        assertThat(events.awaitOne(Topics.PERMISSION_EVENTS, "TrainingCompleted", e -> user.equals(e.key()))
                        .payloadContains(grantId))
                .isFalse();
        assertThat(grantView(grantId).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(mayAdminister(user, eServiceId)).isFalse();
        assertThat(events.find(
                        Topics.PERMISSION_EVENTS,
                        "PermissionGranted",
                        e -> grantId.equals(e.key()) || e.payloadContains(grantId)))
                .isEmpty();

        RequestSubmitted again = grant(PermissionRole.ADMINISTRATOR, eServiceId, person(user, "Tor Ek"));
        publish(again);
        events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionGranted",
                e -> ExecutePermissionRequest.grantIdFor(again.requestId()).equals(e.key()));
        assertThat(mayAdminister(user, eServiceId))
                .as("the rejected request's grant is no reason to refuse a new request")
                .isTrue();
    }

    @Test
    void aRejectionForAnotherReasonChangesNothing() {
        String user = uniqueUser("ulla");
        String eServiceId = uniqueEService();
        RequestSubmitted request = grant(PermissionRole.ADMINISTRATOR, eServiceId, person(user, "Ulla Ek"));
        String grantId = ExecutePermissionRequest.grantIdFor(request.requestId());
        publish(request);
        events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionAwaitingTraining", e -> grantId.equals(e.key()));
        JsonNode waiting = grantView(grantId);

        awaitHandled(publish(rejected(request, ReasonCode.PERMISSION_REFUSED)));

        assertThat(grantView(grantId)).isEqualTo(waiting);
        assertThat(waiting.get("status").asString()).isEqualTo("AWAITING_TRAINING");
        HttpAnswer recorded = recordTraining(user);
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().get("activatedGrants").asInt()).isOne();
        assertThat(grantView(grantId).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(mayAdminister(user, eServiceId)).isTrue();
    }

    private JsonNode grantView(String grantId) {
        HttpAnswer answer = http().get("/api/grants/" + grantId, tokens.tokenFor("anna"));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private HttpAnswer recordTraining(String user) {
        return http().post(
                        "/api/trainings",
                        tokens.tokenFor("cecilia"),
                        "{\"userId\":\"" + user + "\",\"completedOn\":\"2026-11-20\","
                                + "\"course\":\"E-tjänsteadministratör grundkurs\"}");
    }

    private boolean mayAdminister(String user, String eServiceId) {
        HttpAnswer answer = http().get(
                        "/api/permissions/check?personId=" + user + "&role=ADMINISTRATOR&eServiceId=" + eServiceId,
                        tokens.tokenFor("nils"));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("allowed").asBoolean();
    }

    private TestHttp http() {
        return TestHttp.at(port);
    }
}
