package se.municipality.eops.publication.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.publication.catalogue.PublicationScenario.newReviewer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.publication.ReviewDelegated;
import se.municipality.eops.contract.publication.Reviewer;
import se.municipality.eops.contract.schema.EventSchemaValidator;
import se.municipality.eops.publication.catalogue.PublicationScenario;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.TestHttp;

@ServiceIntegrationTest
class DelegationIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aNewDelegationIsAnnouncedOnceAsReviewDelegatedKeyedByTheDelegation() {
        PublicationScenario.Reviewer away = newReviewer("rolf");
        PublicationScenario.Reviewer delegate = newReviewer("rut");
        Instant from = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant until = from.plus(7, ChronoUnit.DAYS);

        HttpAnswer created = TestHttp.at(port)
                .post(
                        "/api/reviews/delegations",
                        away.token(),
                        "{\"delegateId\":\"%s\",\"from\":\"%s\",\"until\":\"%s\"}"
                                .formatted(delegate.id().toUpperCase(), from, until));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String delegationId = created.json().get("id").asString();

        CapturedEvent captured = PublishedEvents.get()
                .awaitOne(
                        Topics.PUBLICATION_EVENTS,
                        "ReviewDelegated",
                        event -> event.payloadContains("\"" + delegationId + "\""));
        assertThat(captured.key()).isEqualTo(delegationId);
        assertThat(captured.header(CloudEventHeaders.SUBJECT)).isEqualTo(delegationId);
        assertThat(EventSchemaValidator.load().violations("ReviewDelegated", captured.payload()))
                .isEmpty();
        ReviewDelegated event =
                EventJson.read(captured.payload().getBytes(StandardCharsets.UTF_8), ReviewDelegated.class);
        assertThat(event.delegatorId()).isEqualTo(away.id());
        assertThat(event.delegateId()).as("normalised like every person id").isEqualTo(delegate.id());
        assertThat(event.from()).isEqualTo(from);
        assertThat(event.until()).isEqualTo(until);
        assertThat(event.delegator()).isEqualTo(new Reviewer(away.id(), "rolf", away.id() + "@kommun.example"));
        assertThat(event.delegate()).isEqualTo(new Reviewer(delegate.id(), null, null));

        // Once the relay has removed the event from the delegation's document nothing can publish it again.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pendingEventsOf(delegationId).isEmpty());
        assertThat(PublishedEvents.get()
                        .find(
                                Topics.PUBLICATION_EVENTS,
                                "ReviewDelegated",
                                event1 -> event1.payloadContains("\"" + delegationId + "\"")))
                .hasSize(1);
    }

    private List<?> pendingEventsOf(String delegationId) {
        org.bson.Document stored = mongo.findById(delegationId, org.bson.Document.class, "delegations");
        assertThat(stored).as(delegationId).isNotNull();
        Object pending = stored.get("pendingEvents");
        return pending == null ? List.of() : (List<?>) pending;
    }
}
