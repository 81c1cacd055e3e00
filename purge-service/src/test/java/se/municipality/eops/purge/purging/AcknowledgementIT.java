package se.municipality.eops.purge.purging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.purge.PurgeFixtures.fromPlatform;
import static se.municipality.eops.purge.PurgeFixtures.get;
import static se.municipality.eops.purge.PurgeFixtures.publish;
import static se.municipality.eops.purge.PurgeFixtures.uniqueEService;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import se.municipality.eops.contract.platform.PurgeBatchAcknowledged;
import se.municipality.eops.contract.purge.CasesPurged;
import se.municipality.eops.contract.purge.PurgeAcknowledgementOverdue;
import se.municipality.eops.contract.purge.PurgeCompleted;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.purge.PurgeFixtures;
import se.municipality.eops.purge.cases.application.CaseImport;
import se.municipality.eops.purge.cases.domain.IndexedCase;
import se.municipality.eops.purge.purging.application.Acknowledgements;
import se.municipality.eops.purge.purging.application.PurgeSettings;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.TestHttp;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class AcknowledgementIT {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    CaseImport caseImport;

    @Autowired
    Acknowledgements acknowledgements;

    @Autowired
    PurgeSettings settings;

    @Test
    void theLogShowsWhoConfirmedEachBatchAndFlagsTheSubscribersThatDidNotInTime() {
        String prompt = "case-handling-" + UUID.randomUUID().toString().substring(0, 8);
        String late = "my-pages-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(register(prompt, "Ärendehanteringssystemet").status()).isEqualTo(204);
        assertThat(register(late, "Mina sidor").status()).isEqualTo(204);
        assertThat(TestHttp.at(port)
                        .call(HttpMethod.PUT, "/api/subscribers/x", PurgeFixtures.token("arvid"), "{\"name\":\"x\"}")
                        .status())
                .isEqualTo(403);
        String eService = uniqueEService();
        caseImport.importAll(List.of(new IndexedCase(
                "c-" + UUID.randomUUID(), eService, Instant.parse("2026-10-01T08:00:00Z"), null, true, null)));
        RequestSubmitted request = TestCasePurgeIT.testCasePurgeRequest(eService);
        publish(request, "/eops/request-service");
        CasesPurged batch = PurgeEvents.awaitOne(
                CasesPurged.class, event -> request.requestId().equals(event.requestId()));
        PurgeEvents.awaitOne(PurgeCompleted.class, event -> request.requestId().equals(event.requestId()));
        String purgeId = batch.purgeId();

        PurgeBatchAcknowledged confirmed =
                new PurgeBatchAcknowledged(UUID.randomUUID(), purgeId, Instant.now(), prompt, 1);
        fromPlatform(confirmed);
        fromPlatform(confirmed); // a redelivery
        fromPlatform(new PurgeBatchAcknowledged(UUID.randomUUID(), purgeId, Instant.now(), prompt, 1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> acknowledgedBy(purgeId).contains(prompt));
        clock.advance(settings.acknowledgementWindow().minusSeconds(1));
        acknowledgements.reportOverdue();
        assertThat(PurgeEvents.all(PurgeAcknowledgementOverdue.class, event -> purgeId.equals(event.purgeId())))
                .isEmpty();
        clock.advance(Duration.ofSeconds(1));
        acknowledgements.reportOverdue();
        acknowledgements.reportOverdue();

        PurgeAcknowledgementOverdue overdue =
                PurgeEvents.awaitOne(PurgeAcknowledgementOverdue.class, event -> purgeId.equals(event.purgeId()));
        assertThat(overdue.batchNumber()).isEqualTo(1);
        assertThat(overdue.requestId()).isEqualTo(request.requestId());
        assertThat(overdue.subscriberIds()).contains(late).doesNotContain(prompt);
        JsonNode logged = purge(purgeId).at("/batches/0");
        assertThat(logged.get("acknowledgedBy").toString()).isEqualTo("[\"" + prompt + "\"]");
        assertThat(logged.get("overdue").toString()).contains(late).doesNotContain(prompt);
        assertThat(PurgeEvents.all(PurgeAcknowledgementOverdue.class, event -> purgeId.equals(event.purgeId())))
                .hasSize(1);
    }

    @Test
    void anAcknowledgementCountsByWhenItOccurredNotByWhenItWasConsumed() {
        String sentInTime = "archive-" + UUID.randomUUID().toString().substring(0, 8);
        String sentLate = "e-archive-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(register(sentInTime, "Arkivet").status()).isEqualTo(204);
        assertThat(register(sentLate, "E-arkivet").status()).isEqualTo(204);
        String eService = uniqueEService();
        caseImport.importAll(List.of(new IndexedCase(
                "c-" + UUID.randomUUID(), eService, Instant.parse("2026-10-01T08:00:00Z"), null, true, null)));
        RequestSubmitted request = TestCasePurgeIT.testCasePurgeRequest(eService);
        publish(request, "/eops/request-service");
        String purgeId = PurgeEvents.awaitOne(
                        PurgeCompleted.class, event -> request.requestId().equals(event.requestId()))
                .purgeId();
        Instant dueBy = Instant.parse(
                purge(purgeId).at("/batches/0/acknowledgementsDueBy").asString());
        clock.advance(Duration.between(clock.instant(), dueBy).plusSeconds(10));

        // Both reach this service after the due instant, before the job judges the batch: one was sent in time.
        fromPlatform(new PurgeBatchAcknowledged(UUID.randomUUID(), purgeId, dueBy, sentInTime, 1));
        fromPlatform(new PurgeBatchAcknowledged(UUID.randomUUID(), purgeId, dueBy.plusSeconds(1), sentLate, 1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> acknowledgedBy(purgeId).contains(sentInTime)
                        && acknowledgedBy(purgeId).contains(sentLate));
        acknowledgements.reportOverdue();
        acknowledgements.reportOverdue();

        PurgeAcknowledgementOverdue overdue =
                PurgeEvents.awaitOne(PurgeAcknowledgementOverdue.class, event -> purgeId.equals(event.purgeId()));
        assertThat(overdue.subscriberIds()).contains(sentLate).doesNotContain(sentInTime);
        JsonNode logged = purge(purgeId).at("/batches/0");
        assertThat(logged.get("overdue").toString()).contains(sentLate).doesNotContain(sentInTime);
        assertThat(logged.get("acknowledgedBy").toString()).contains(sentLate).contains(sentInTime);
        assertThat(PurgeEvents.all(PurgeAcknowledgementOverdue.class, event -> purgeId.equals(event.purgeId())))
                .hasSize(1);
    }

    private HttpAnswer register(String subscriberId, String name) {
        return TestHttp.at(port)
                .call(
                        HttpMethod.PUT,
                        "/api/subscribers/" + subscriberId,
                        PurgeFixtures.token("cecilia"),
                        "{\"name\":\"" + name + "\"}");
    }

    private JsonNode purge(String purgeId) {
        HttpAnswer answer = get(port, "arvid", "/api/purges/" + purgeId);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private String acknowledgedBy(String purgeId) {
        return purge(purgeId).at("/batches/0/acknowledgedBy").toString();
    }
}
