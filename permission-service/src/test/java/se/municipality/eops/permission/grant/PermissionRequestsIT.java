package se.municipality.eops.permission.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.permission.PermissionRequests.grant;
import static se.municipality.eops.permission.PermissionRequests.person;
import static se.municipality.eops.permission.PermissionRequests.publish;
import static se.municipality.eops.permission.PermissionRequests.revoke;
import static se.municipality.eops.permission.PermissionRequests.uniqueEService;
import static se.municipality.eops.permission.PermissionRequests.uniqueUser;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.permission.PermissionRequests;
import se.municipality.eops.permission.grant.application.ExecutePermissionRequest;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@ServiceIntegrationTest
class PermissionRequestsIT {

    @LocalServerPort
    int port;

    @Autowired
    ExecutePermissionRequest execute;

    final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();
    final PublishedEvents events = PublishedEvents.get();

    @Test
    void editorIsGrantedAndRevokedOnRequest() {
        String user = uniqueUser("fia");
        String eServiceId = uniqueEService();
        RequestSubmitted granting = grant(PermissionRole.EDITOR, eServiceId, person(user, "Fia Fors"));
        String grantId = ExecutePermissionRequest.grantIdFor(granting.requestId());

        publish(granting);

        CapturedEvent granted =
                events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionGranted", e -> grantId.equals(e.key()));
        assertThat(granted.payloadContains("\"role\":\"EDITOR\"")).isTrue();
        assertThat(granted.payloadContains("\"eServiceId\":\"" + eServiceId + "\""))
                .isTrue();
        assertThat(granted.payloadContains("\"personId\":\"" + user + "\"")).isTrue();
        assertThat(may(user, "EDITOR", eServiceId)).isTrue();

        RequestSubmitted revoking = revoke(PermissionRole.EDITOR, eServiceId, person(user, null));
        publish(revoking);

        CapturedEvent revoked =
                events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionRevoked", e -> grantId.equals(e.key()));
        assertThat(revoked.payloadContains("\"requestId\":\"" + revoking.requestId() + "\""))
                .isTrue();
        assertThat(revoked.payloadContains("\"cause\":\"REQUEST\"")).isTrue();
        assertThat(may(user, "EDITOR", eServiceId)).isFalse();
        HttpAnswer history = http().get("/api/grants/" + grantId, tokens.tokenFor("anna"));
        assertThat(history.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(history.json().at("/history/1/requestId").asString()).isEqualTo(revoking.requestId());
    }

    @Test
    void aGrantAskedForUntilADateEndsThen() {
        String user = uniqueUser("gun");
        String eServiceId = uniqueEService();
        java.time.Instant end = java.time.Instant.now()
                .plus(java.time.Duration.ofDays(90))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        RequestSubmitted granting =
                PermissionRequests.grantUntil(PermissionRole.EDITOR, eServiceId, person(user, "Gun Gran"), end);
        String grantId = ExecutePermissionRequest.grantIdFor(granting.requestId());

        publish(granting);

        CapturedEvent granted =
                events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionGranted", e -> grantId.equals(e.key()));
        assertThat(granted.payloadContains("\"validUntil\":\"" + end + "\"")).isTrue();
        assertThat(may(user, "EDITOR", eServiceId)).isTrue();
    }

    /** What PermissionExpiring invites: asking again, for a later end, before the grant runs out. */
    @Test
    void aGrantForALaterEndExtendsAndOneForNoLaterEndIsRefused() {
        String user = uniqueUser("hugo");
        String eServiceId = uniqueEService();
        java.time.Instant soon = java.time.Instant.now().plus(java.time.Duration.ofDays(10));
        java.time.Instant later = soon.plus(java.time.Duration.ofDays(180));
        RequestSubmitted first =
                PermissionRequests.grantUntil(PermissionRole.EDITOR, eServiceId, person(user, "Hugo Ek"), soon);
        publish(first);
        events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionGranted",
                e -> ExecutePermissionRequest.grantIdFor(first.requestId()).equals(e.key()));

        RequestSubmitted extension =
                PermissionRequests.grantUntil(PermissionRole.EDITOR, eServiceId, person(user, "Hugo Ek"), later);
        publish(extension);
        events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionGranted",
                e -> ExecutePermissionRequest.grantIdFor(extension.requestId()).equals(e.key()));

        RequestSubmitted shorter =
                PermissionRequests.grantUntil(PermissionRole.EDITOR, eServiceId, person(user, "Hugo Ek"), soon);
        publish(shorter);
        CapturedEvent refused = events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionRequestRefused",
                e -> shorter.requestId().equals(e.key()));
        assertThat(refused.payloadContains("\"reasonCode\":\"ALREADY_GRANTED\""))
                .isTrue();
    }

    @Test
    void caseHandlerIsGrantedAndRevokedOnRequest() {
        String user = uniqueUser("gus");
        String eServiceId = uniqueEService();
        RequestSubmitted granting = grant(PermissionRole.CASE_HANDLER, eServiceId, person(user, "Gustav Gran"));
        String grantId = ExecutePermissionRequest.grantIdFor(granting.requestId());

        publish(granting);
        events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionGranted", e -> grantId.equals(e.key()));
        assertThat(may(user, "CASE_HANDLER", eServiceId)).isTrue();
        assertThat(may(user, "CASE_HANDLER", uniqueEService()))
                .as("another e-service")
                .isFalse();
        assertThat(may(user, "EDITOR", eServiceId)).as("another role").isFalse();

        publish(revoke(PermissionRole.CASE_HANDLER, eServiceId, person(user, null)));
        events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionRevoked", e -> grantId.equals(e.key()));
        assertThat(may(user, "CASE_HANDLER", eServiceId)).isFalse();
    }

    @Test
    void refusesToGrantWhatThePersonAlreadyHas() {
        String user = uniqueUser("hans");
        String eServiceId = uniqueEService();
        RequestSubmitted first = grant(PermissionRole.EDITOR, eServiceId, person(user, null));
        publish(first);
        events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionGranted",
                e -> ExecutePermissionRequest.grantIdFor(first.requestId()).equals(e.key()));

        RequestSubmitted again = grant(PermissionRole.EDITOR, eServiceId, person(user.toUpperCase(), null));
        publish(again);

        CapturedEvent refused = events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionRequestRefused",
                e -> again.requestId().equals(e.key()));
        assertThat(refused.payloadContains("\"reasonCode\":\"ALREADY_GRANTED\""))
                .isTrue();
        assertThat(refused.payloadContains(
                        "\"existingGrantId\":\"" + ExecutePermissionRequest.grantIdFor(first.requestId()) + "\""))
                .isTrue();
    }

    @Test
    void refusesToGrantAnAdministratorWhoAwaitsTrainingForTheSameEService() {
        String user = uniqueUser("ida");
        String eServiceId = uniqueEService();
        RequestSubmitted first = grant(PermissionRole.ADMINISTRATOR, eServiceId, person(user, null));
        publish(first);
        events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionAwaitingTraining",
                e -> ExecutePermissionRequest.grantIdFor(first.requestId()).equals(e.key()));

        RequestSubmitted again = grant(PermissionRole.ADMINISTRATOR, eServiceId, person(user, null));
        publish(again);

        CapturedEvent refused = events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionRequestRefused",
                e -> again.requestId().equals(e.key()));
        assertThat(refused.payloadContains("\"reasonCode\":\"ALREADY_GRANTED\""))
                .isTrue();
        assertThat(refused.payloadContains("awaiting training")).isTrue();
    }

    @Test
    void refusesToRevokeWhatWasNeverGranted() {
        RequestSubmitted revoking = revoke(PermissionRole.EDITOR, uniqueEService(), person(uniqueUser("jon"), null));

        publish(revoking);

        CapturedEvent refused = events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionRequestRefused",
                e -> revoking.requestId().equals(e.key()));
        assertThat(refused.payloadContains("\"reasonCode\":\"NOT_GRANTED\"")).isTrue();
        assertThat(refused.payloadContains("\"change\":\"REVOKE\"")).isTrue();
    }

    /**
     * The contract itself forbids a group grant of any role but case handler (RequestSubmitted's schema),
     * so request-service refuses it at its door; an event that breaks the rule anyway is poison and
     * goes to the dead-letter topic untouched, and nothing is granted. The service's own refusal
     * (GROUP_ROLE_NOT_ALLOWED) is checked in RefusalTest.
     */
    @Test
    void aGroupGrantOfAnotherRoleNeverGrantsAnything() {
        RequestSubmitted handlers =
                PermissionRequests.grantToGroup(uniqueEService(), "Redaktörer", person(uniqueUser("kim"), null));
        ObjectNode editors = JsonMapper.builder().build().readValue(EventJson.write(handlers), ObjectNode.class);
        ((ObjectNode) editors.get("permission")).put("role", "EDITOR");

        PermissionRequests.publishBroken(
                handlers.requestId(), handlers.eventId().toString(), editors.toString());

        CapturedEvent deadLetter = events.awaitOne(
                "error." + Topics.REQUEST_EVENTS + ".permission-service",
                "RequestSubmitted",
                e -> handlers.requestId().equals(e.key()));
        assertThat(deadLetter.header("x-exception-message")).contains("role");
        assertThat(events.find(
                        Topics.PERMISSION_EVENTS,
                        "PermissionGranted",
                        e -> ExecutePermissionRequest.grantIdFor(handlers.requestId())
                                .equals(e.key())))
                .isEmpty();
    }

    @Test
    void aRedeliveredRequestChangesNothing() {
        String user = uniqueUser("lina");
        String eServiceId = uniqueEService();
        RequestSubmitted granting = grant(PermissionRole.EDITOR, eServiceId, person(user, null));
        String grantId = ExecutePermissionRequest.grantIdFor(granting.requestId());
        publish(granting);
        events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionGranted", e -> grantId.equals(e.key()));

        // Past the starter's record of applied events, as after a crash before it was written.
        execute.handle(granting);
        publish(granting);
        RequestSubmitted marker = revoke(PermissionRole.EDITOR, uniqueEService(), person(uniqueUser("x"), null));
        publish(marker); // same topic, later: once its refusal is out, the redelivery was handled
        events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionRequestRefused",
                e -> marker.requestId().equals(e.key()));

        assertThat(events.find(Topics.PERMISSION_EVENTS, "PermissionGranted", e -> grantId.equals(e.key())))
                .hasSize(1);
        assertThat(events.find(
                        Topics.PERMISSION_EVENTS,
                        "PermissionRequestRefused",
                        e -> granting.requestId().equals(e.key())))
                .as("its own grant is no reason to refuse it")
                .isEmpty();
    }

    @Test
    void concurrentDeliveriesOfOneRequestGrantOnceAndRefuseNothing() {
        String user = uniqueUser("mats");
        String eServiceId = uniqueEService();
        RequestSubmitted granting = grant(PermissionRole.CASE_HANDLER, eServiceId, person(user, null));
        RequestSubmitted revoking = revoke(PermissionRole.CASE_HANDLER, eServiceId, person(user, null));
        String grantId = ExecutePermissionRequest.grantIdFor(granting.requestId());

        deliverAtOnce(granting, 6);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.find(Topics.PERMISSION_EVENTS, "PermissionGranted", e -> grantId.equals(e.key()))
                                .size()
                        == 1);
        deliverAtOnce(revoking, 6);
        events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionRevoked", e -> grantId.equals(e.key()));
        RequestSubmitted marker = revoke(PermissionRole.EDITOR, uniqueEService(), person(uniqueUser("y"), null));
        publish(marker);
        events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionRequestRefused",
                e -> marker.requestId().equals(e.key()));

        assertThat(events.find(Topics.PERMISSION_EVENTS, "PermissionGranted", e -> grantId.equals(e.key())))
                .hasSize(1);
        assertThat(events.find(Topics.PERMISSION_EVENTS, "PermissionRevoked", e -> grantId.equals(e.key())))
                .hasSize(1);
        assertThat(events.find(
                        Topics.PERMISSION_EVENTS,
                        "PermissionRequestRefused",
                        e -> granting.requestId().equals(e.key())
                                || revoking.requestId().equals(e.key())))
                .isEmpty();
    }

    /** Runs the handler on several threads at once, as two consumers would after a rebalance. */
    private void deliverAtOnce(RequestSubmitted request, int deliveries) {
        List<CompletableFuture<Void>> running = IntStream.range(0, deliveries)
                .mapToObj(i -> CompletableFuture.runAsync(() -> execute.handle(request)))
                .toList();
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    }

    private boolean may(String user, String role, String eServiceId) {
        HttpAnswer answer = http().get(
                        "/api/permissions/check?personId=" + user + "&role=" + role + "&eServiceId=" + eServiceId,
                        tokens.tokenFor("nils"));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("allowed").asBoolean();
    }

    private TestHttp http() {
        return TestHttp.at(port);
    }
}
