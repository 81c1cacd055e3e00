package se.municipality.eops.request.live;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.testkit.SseClient.withStatus;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.contract.samples.PublicationMother;
import se.municipality.eops.request.lifecycle.LifecycleScenario;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.SseClient;

@ServiceIntegrationTest
class LiveUpdatesAfterDownstreamEventsIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aDownstreamEventMovesTheRequestAndItsStreamShowsTheChange() {
        LifecycleScenario scenario = new LifecycleScenario(port, mongo);
        String id = scenario.file("anna", LifecycleScenario.newEService());
        try (SseClient stream = SseClient.open(
                port,
                "/api/requests/" + id + "/events",
                SharedInfrastructure.get().tokens().tokenFor("anna"),
                null)) {
            stream.awaitStatus(withStatus(id, "SUBMITTED"));
            scenario.publishFor(id, PublicationMother.reviewRequested());
            SseClient.Event change = stream.awaitStatus(withStatus(id, "WAITING_FOR_REVIEW"), Duration.ofSeconds(30));
            assertThat(change.json().get("fromStatus").asString()).isEqualTo("SUBMITTED");
            assertThat(stream.statusIds()).containsExactly("1", change.id());
        }
    }
}
