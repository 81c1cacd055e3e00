package se.municipality.eops.request.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.testkit.SseClient.withStatus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.contract.request.RequestStatusChanged;
import se.municipality.eops.contract.request.RequestStatusCode;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.request.RequestServiceApplication;
import se.municipality.eops.request.lifecycle.LifecycleScenario;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.InfrastructureInitializer;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.SseClient;
import se.municipality.eops.testkit.TestHttp;

@ServiceIntegrationTest
class LiveUpdatesIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();
    final List<SseClient> opened = new ArrayList<>();

    /** Once per JVM: the service's live consumer has its partitions (it starts at their end, as a new replica does). */
    private static volatile boolean listening;

    @BeforeEach
    void theLiveConsumerListens() {
        if (listening) {
            return;
        }
        String probe = file("anna");
        try (SseClient stream =
                SseClient.open(port, "/api/requests/" + probe + "/events", tokens.tokenFor("anna"), null)) {
            RequestStatusChanged change = changes().change(probe, RequestStatusCode.IN_PROGRESS, null);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        StatusChanges.publish(change);
                        return stream.statusEvents().size() == 2;
                    });
        }
        listening = true;
    }

    @AfterEach
    void closeStreams() {
        opened.forEach(SseClient::close);
    }

    @Test
    void aStatusChangeOnTheTopicReachesTheRequestersStreamWithinASecond() {
        String id = file("anna");
        SseClient stream = open("/api/requests/" + id + "/events", "anna", null);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        stream.awaitStatus(withStatus(id, "SUBMITTED"));

        changes().change(id, RequestStatusCode.WAITING_FOR_REVIEW, null);
        // change() returns once Kafka has the event: from then on the stream has a second.
        SseClient.Event event = stream.awaitStatus(withStatus(id, "WAITING_FOR_REVIEW"), Duration.ofSeconds(1));

        assertThat(event.id()).isEqualTo("2");
        assertThat(event.json().get("fromStatus").asString()).isEqualTo("SUBMITTED");
        assertThat(event.json().get("sequence").asLong()).isEqualTo(2);
        assertThat(event.json().get("actor").asString()).isEqualTo("publication-service");
        assertThat(stream.statusIds()).containsExactly("1", "2");
    }

    @Test
    void aReconnectWithLastEventIdGetsWhatItMissedOnceAndThenGoesOnLive() {
        String id = file("anna");
        SseClient first = open("/api/requests/" + id + "/events", "anna", null);
        changes().change(id, RequestStatusCode.IN_PROGRESS, null);
        first.awaitStatus(withStatus(id, "IN_PROGRESS"));
        String lastEventId = first.lastEventId();
        first.close();

        // While it is away: two changes, stored and published.
        changes().change(id, RequestStatusCode.WAITING_FOR_REVIEW, null);
        RequestStatusChanged rejected = changes().change(id, RequestStatusCode.REJECTED, "Informationstexten saknas");

        SseClient resumed = open("/api/requests/" + id + "/events", "anna", lastEventId);
        resumed.awaitStatus(withStatus(id, "REJECTED"));
        assertThat(resumed.statusIds()).containsExactly("3", "4");
        assertThat(resumed.statusEvents().get(1).json().get("reason").asString())
                .isEqualTo("Informationstexten saknas");

        // Live again after the backlog; a redelivery of an entry it has is not sent twice.
        StatusChanges.publish(rejected);
        changes().change(id, RequestStatusCode.WITHDRAWN, null);
        resumed.awaitStatus(withStatus(id, "WITHDRAWN"));
        assertThat(resumed.statusIds()).containsExactly("3", "4", "5");
    }

    @Test
    void anotherRequestersStreamIsNotFoundButTheCentralTeamMayWatch() {
        String id = file("anna");

        SseClient erik = open("/api/requests/" + id + "/events", "erik", null);
        SseClient cecilia = open("/api/requests/" + id + "/events", "cecilia", null);
        SseClient unknown = open("/api/requests/REQ-000000000000/events", "anna", null);

        assertThat(erik.status()).isEqualTo(404);
        assertThat(erik.errorBody()).contains("No request " + id);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(cecilia.status()).isEqualTo(200);
        cecilia.awaitStatus(withStatus(id, "SUBMITTED"));
        SseClient withoutToken = SseClient.open(port, "/api/requests/" + id + "/events", null, null);
        opened.add(withoutToken);
        assertThat(withoutToken.status()).isEqualTo(401);
    }

    @Test
    void myRequestsStreamSeesEveryOwnRequestAndNoneOfAnothers() {
        SseClient annas = open("/api/requests/events", "anna", null);
        SseClient eriks = open("/api/requests/events", "erik", null);
        String annasFirst = file("anna");
        String annasSecond = file("anna");
        String eriksOwn = file("erik");
        annas.awaitStatus(withStatus(annasSecond, "SUBMITTED"));

        changes().change(eriksOwn, RequestStatusCode.IN_PROGRESS, null);
        eriks.awaitStatus(withStatus(eriksOwn, "IN_PROGRESS"));
        changes().change(annasFirst, RequestStatusCode.IN_PROGRESS, null);
        changes().change(annasSecond, RequestStatusCode.WAITING_FOR_REVIEW, null);
        annas.awaitStatus(withStatus(annasFirst, "IN_PROGRESS"));
        annas.awaitStatus(withStatus(annasSecond, "WAITING_FOR_REVIEW"));

        // Erik's change went out before Anna's on the one consumer of this replica; had it been queued for her
        // stream, it would have been written before hers.
        assertThat(annas.statusEvents())
                .extracting(event -> event.json().get("requestId").asString())
                .doesNotContain(eriksOwn)
                .contains(annasFirst, annasSecond);
        assertThat(eriks.statusEvents())
                .extracting(event -> event.json().get("requestId").asString())
                .containsOnly(eriksOwn);
    }

    @Test
    void myRequestsStreamResumesFromItsLastEventId() {
        String one = file("anna");
        String other = file("anna");
        SseClient annas = open("/api/requests/events", "anna", null);
        changes().change(one, RequestStatusCode.IN_PROGRESS, null);
        SseClient.Event seen = annas.awaitStatus(withStatus(one, "IN_PROGRESS"));
        assertThat(seen.id()).matches("\\d+\\." + one + "\\.2");
        annas.close();

        changes().change(other, RequestStatusCode.WAITING_FOR_REVIEW, null);
        changes().change(one, RequestStatusCode.COMPLETED, null);

        SseClient resumed = open("/api/requests/events", "anna", seen.id());
        resumed.awaitStatus(withStatus(other, "WAITING_FOR_REVIEW"));
        resumed.awaitStatus(withStatus(one, "COMPLETED"));
        assertThat(resumed.statusEvents())
                .extracting(event -> event.json().get("requestId").asString() + "#"
                        + event.json().get("sequence").asLong())
                .doesNotContain(one + "#1", one + "#2")
                .doesNotHaveDuplicates();
    }

    @Test
    void aChangeNoOpenStreamFollowsIsDroppedBeforeTheBinderConvertsIt() {
        // Under intake a replica hears every filing and change while few streams are open: those records are dropped
        // as they come from Kafka (UnfollowedRecords on the binding), not converted and handed to the consumer first.
        String nobodyWatches = file("anna");
        RequestStatusChanged change = changes().change(nobodyWatches, RequestStatusCode.IN_PROGRESS, null);
        Counter skipped = meters.find("eops.live.records.skipped").counter();
        assertThat(skipped).as("the live-updates binding's record filter").isNotNull();
        double before = skipped.count();

        // A "my requests" stream another test left open lets everything through until the server notices it is
        // gone (at its next heartbeat), so the change is sent again until the filter has dropped one.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    StatusChanges.publish(change);
                    return skipped.count() > before;
                });
    }

    @Test
    void aStreamWithNothingToSendYetSaysAtOnceThatItIsOpen() {
        // Nils files no requests: his "my requests" stream has nothing to say. Its status and headers still come at
        // once, with a first comment before any heartbeat (in production those come every 15 s).
        SseClient nils = open("/api/requests/events", "nils", null);

        assertThat(nils.status()).isEqualTo(200);
        assertThat(nils.contentType()).startsWith("text/event-stream");
        await().atMost(Duration.ofSeconds(5)).until(() -> !nils.comments().isEmpty());
        assertThat(nils.comments().get(0)).isEqualTo("open");
    }

    @Test
    void streamsBeyondThePersonsBoundAreRefusedUntilOneCloses() {
        List<SseClient> rutsStreams = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rutsStreams.add(open("/api/requests/events", "rut", null));
        }
        assertThat(rutsStreams).allSatisfy(stream -> assertThat(stream.status()).isEqualTo(200));

        SseClient oneTooMany = open("/api/requests/events", "rut", null);
        assertThat(oneTooMany.status()).isEqualTo(429);
        assertThat(oneTooMany.contentType()).startsWith("application/problem+json");
        assertThat(oneTooMany.errorBody()).contains("\"status\":429", "live streams open");

        // Idle streams get heartbeats (comment lines); writing one to a client that left ends its stream.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rutsStreams.get(0).comments().contains("heartbeat"));
        rutsStreams.get(0).close();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> open("/api/requests/events", "rut", null).status() == 200);
    }

    @Test
    void everyReplicaHearsEveryChangeFromTheTopic() {
        try (ConfigurableApplicationContext otherReplica = new SpringApplicationBuilder(RequestServiceApplication.class)
                .initializers(new InfrastructureInitializer())
                .run("--server.port=0")) {
            int otherPort = otherReplica.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            String id = file("anna");
            SseClient here = open("/api/requests/" + id + "/events", "anna", null);
            SseClient there = SseClient.open(otherPort, "/api/requests/events", tokens.tokenFor("anna"), null);
            opened.add(there);
            assertThat(there.status()).isEqualTo(200);

            // The other replica's consumer starts at the topic's end once it has its partitions; until then a change
            // would pass it by, so the same change is sent again (as a redelivery would be) until it hears one.
            RequestStatusChanged change = changes().change(id, RequestStatusCode.IN_PROGRESS, null);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        StatusChanges.publish(change);
                        return !there.statusEvents().isEmpty();
                    });
            here.awaitStatus(withStatus(id, "IN_PROGRESS"));
            there.awaitStatus(withStatus(id, "IN_PROGRESS"));

            // One change, published once, reaches both replicas' streams.
            changes().change(id, RequestStatusCode.WAITING_FOR_REVIEW, null);
            here.awaitStatus(withStatus(id, "WAITING_FOR_REVIEW"));
            there.awaitStatus(withStatus(id, "WAITING_FOR_REVIEW"));
            assertThat(there.statusIds()).doesNotHaveDuplicates().hasSize(2);
        }
    }

    private SseClient open(String path, String user, String lastEventId) {
        SseClient client = SseClient.open(port, path, tokens.tokenFor(user), lastEventId);
        opened.add(client);
        return client;
    }

    private StatusChanges changes() {
        return new StatusChanges(mongo);
    }

    private String file(String user) {
        HttpAnswer answer =
                TestHttp.at(port).post("/api/requests", tokens.tokenFor(user), LifecycleScenario.newEService());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }
}
