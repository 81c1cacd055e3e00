package se.municipality.eops.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.permission.PermissionRequests.awaitHandled;
import static se.municipality.eops.permission.PermissionRequests.grant;
import static se.municipality.eops.permission.PermissionRequests.grantUntil;
import static se.municipality.eops.permission.PermissionRequests.person;
import static se.municipality.eops.permission.PermissionRequests.publish;
import static se.municipality.eops.permission.PermissionRequests.revoke;
import static se.municipality.eops.permission.PermissionRequests.uniqueEService;
import static se.municipality.eops.permission.PermissionRequests.uniqueUser;
import static se.municipality.eops.permission.PermissionRequests.withdrawn;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.permission.grant.application.ExecutePermissionRequest;
import se.municipality.eops.permission.grant.application.WithdrawPermissionRequest;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * The requester withdraws a permission request (request-service's {@code RequestWithdrawn}, on the request's
 * partition): an administrator grant still waiting for the training is withdrawn and never activates; what was
 * carried out stays.
 */
@ServiceIntegrationTest
class RequestWithdrawalIT {

    static final String DEAD_LETTERS = "error." + Topics.REQUEST_EVENTS + "." + PermissionRequests.GROUP;

    @LocalServerPort
    int port;

    @Autowired
    PermissionJobs jobs;

    @Autowired
    WithdrawPermissionRequest withdraw;

    @Autowired
    MovableClock clock;

    final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();
    final PublishedEvents events = PublishedEvents.get();

    @Test
    void aGrantWaitingForTheTrainingIsWithdrawnWithItsRequestAndTheTrainingNoLongerActivatesIt() {
        String user = uniqueUser("olle");
        String eServiceId = uniqueEService();
        Instant end = clock.instant().plus(Duration.ofDays(2));
        RequestSubmitted request = grantUntil(PermissionRole.ADMINISTRATOR, eServiceId, person(user, "Olle Ek"), end);
        String grantId = ExecutePermissionRequest.grantIdFor(request.requestId());
        publish(request);
        events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionAwaitingTraining", e -> grantId.equals(e.key()));

        awaitHandled(publish(withdrawn(request)));

        JsonNode withdrawnGrant = grantView(grantId);
        assertThat(withdrawnGrant.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawnGrant.at("/history/1/status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawnGrant.at("/history/1/requestId").asString()).isEqualTo(request.requestId());
        assertThat(withdrawnGrant.at("/history/1/by").asString()).isEqualTo("anna");
        assertThat(withdrawnGrant.at("/history/1/note").asString()).contains("Fel person angiven");

        HttpAnswer recorded = recordTraining(user);

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().get("activatedGrants").asInt()).isZero();
        assertThat(events.awaitOne(Topics.PERMISSION_EVENTS, "TrainingCompleted", e -> user.equals(e.key()))
                        .payloadContains(grantId))
                .as("the training's list of grants waiting for it leaves it out")
                .isFalse();
        assertThat(mayAdminister(user, eServiceId)).isFalse();
        assertThat(grantView(grantId).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(grantsOf(user))
                .singleElement()
                .satisfies(listed -> assertThat(listed.get("status").asString()).isEqualTo("WITHDRAWN"));

        clock.advance(Duration.ofDays(3)); // past the end it asked for
        jobs.run(); // late activations, expiry, access reviews

        assertThat(grantView(grantId).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(grantView(grantId).get("history")).hasSize(2);
        assertThat(mayAdminister(user, eServiceId)).isFalse();
        assertThat(events.find(
                        Topics.PERMISSION_EVENTS,
                        "PermissionGranted",
                        e -> grantId.equals(e.key()) || e.payloadContains(grantId)))
                .isEmpty();
        assertThat(events.find(Topics.PERMISSION_EVENTS, "PermissionExpired", e -> grantId.equals(e.key())))
                .isEmpty();

        RequestSubmitted again = grant(PermissionRole.ADMINISTRATOR, eServiceId, person(user, "Olle Ek"));
        publish(again);
        events.awaitOne(
                Topics.PERMISSION_EVENTS,
                "PermissionGranted",
                e -> ExecutePermissionRequest.grantIdFor(again.requestId()).equals(e.key()));
        assertThat(mayAdminister(user, eServiceId))
                .as("the withdrawn grant is no reason to refuse a new request")
                .isTrue();
    }

    @Test
    void withdrawingARequestAlreadyCarriedOutChangesNothing() {
        String user = uniqueUser("pia");
        String eServiceId = uniqueEService();
        assertThat(recordTraining(user).status()).isEqualTo(201);
        RequestSubmitted granting = grant(PermissionRole.ADMINISTRATOR, eServiceId, person(user, "Pia Ek"));
        String grantId = ExecutePermissionRequest.grantIdFor(granting.requestId());
        publish(granting);
        events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionGranted", e -> grantId.equals(e.key()));

        awaitHandled(publish(withdrawn(granting)));

        JsonNode granted = grantView(grantId);
        assertThat(granted.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(granted.get("history")).hasSize(1);
        assertThat(mayAdminister(user, eServiceId)).isTrue();

        RequestSubmitted revoking = revoke(PermissionRole.ADMINISTRATOR, eServiceId, person(user, null));
        publish(revoking);
        events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionRevoked", e -> grantId.equals(e.key()));

        awaitHandled(publish(withdrawn(revoking)));

        assertThat(grantView(grantId).get("status").asString())
                .as("a revocation carried out stays carried out")
                .isEqualTo("REVOKED");
        assertThat(grantView(grantId).get("history")).hasSize(2);
        assertThat(mayAdminister(user, eServiceId)).isFalse();
        assertThat(events.find(Topics.PERMISSION_EVENTS, "PermissionGranted", e -> grantId.equals(e.key())))
                .hasSize(1);
    }

    @Test
    void aRedeliveredWithdrawalChangesNothing() {
        String user = uniqueUser("rut");
        String eServiceId = uniqueEService();
        RequestSubmitted request = grant(PermissionRole.ADMINISTRATOR, eServiceId, person(user, "Rut Ros"));
        String grantId = ExecutePermissionRequest.grantIdFor(request.requestId());
        publish(request);
        events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionAwaitingTraining", e -> grantId.equals(e.key()));
        RequestWithdrawn withdrawal = withdrawn(request);
        awaitHandled(publish(withdrawal));
        JsonNode once = grantView(grantId);
        assertThat(once.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(once.get("history")).hasSize(2);

        awaitHandled(publish(withdrawal)); // the same record again: the starter's record of applied events skips it
        // Past the starter's record, as after a crash before it was written: the grant's status guards it.
        assertThat(withdraw.handle(withdrawal)).isFalse();
        awaitHandled(publish(new RequestWithdrawn(
                UUID.randomUUID(),
                withdrawal.requestId(),
                withdrawal.occurredAt(),
                withdrawal.requester(),
                withdrawal.requestType(),
                withdrawal.eServiceId(),
                withdrawal.withdrawnBy(),
                "again, with a new event id")));

        assertThat(grantView(grantId)).isEqualTo(once);
        assertThat(recordTraining(user).json().get("activatedGrants").asInt()).isZero();
        assertThat(mayAdminister(user, eServiceId)).isFalse();
    }

    @Test
    void aWithdrawalOfARequestThisServiceDoesNotKnowChangesNothing() {
        RequestSubmitted neverSeen = grant(PermissionRole.EDITOR, uniqueEService(), person(uniqueUser("sam"), null));

        RecordMetadata record = publish(withdrawn(neverSeen));
        awaitHandled(record);

        assertThat(http().get(
                                "/api/grants/" + ExecutePermissionRequest.grantIdFor(neverSeen.requestId()),
                                tokens.tokenFor("anna"))
                        .status())
                .isEqualTo(404);
        assertThat(events.all().stream()
                        .filter(e -> DEAD_LETTERS.equals(e.topic())
                                && neverSeen.requestId().equals(e.key())))
                .as("handled, not dead-lettered")
                .isEmpty();
    }

    private JsonNode grantView(String grantId) {
        HttpAnswer answer = http().get("/api/grants/" + grantId, tokens.tokenFor("anna"));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode grantsOf(String user) {
        HttpAnswer answer = http().get("/api/grants?personId=" + user, tokens.tokenFor("anna"));
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
