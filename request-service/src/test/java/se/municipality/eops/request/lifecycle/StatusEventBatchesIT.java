package se.municipality.eops.request.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.contract.samples.PublicationMother;
import se.municipality.eops.request.MongoCommandLog;
import se.municipality.eops.request.MongoCommandLog.Command;
import se.municipality.eops.request.MongoCommandLog.Recording;
import se.municipality.eops.starter.messaging.IdempotentConsumer;
import se.municipality.eops.testkit.ServiceIntegrationTest;

/**
 * The status machine takes the downstream events of one poll as a batch (the starter's batch consumers): the
 * record of applied events costs it one look-up and one write per batch, not two round trips per event, so a
 * backlog of downstream events (after an outage, or under the intake's load) is worked off with fewer commands
 * on the database every service shares locally.
 */
@ServiceIntegrationTest
class StatusEventBatchesIT {

    private static final String BINDING = "publicationStatusEvents-in-0";
    private static final int EVENTS = 8;

    /** The status machine's consumer of publication-service's events, as it names itself in the record. */
    private static final String STATUS_MACHINE = "request-status-publication";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void aBacklogOfDownstreamEventsIsRecordedAsAppliedInBatchesNotEventByEvent() {
        LifecycleScenario scenario = new LifecycleScenario(port, mongo);
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            requests.add(scenario.file("anna", LifecycleScenario.newEService()));
        }

        List<Command> applied;
        // A backlog: the events wait on the topic while the status machine's consumer is away, then it comes back.
        bindings.stop(BINDING);
        try (Recording recording = MongoCommandLog.record()) {
            requests.forEach(id -> scenario.publishFor(id, PublicationMother.reviewRequested()));
            bindings.start(BINDING);
            requests.forEach(id -> scenario.awaitStatus("anna", id, "WAITING_FOR_REVIEW"));
            applied = recording.commands().stream()
                    .filter(command -> IdempotentConsumer.COLLECTION.equals(command.collection())
                            && command.json().contains(STATUS_MACHINE))
                    .toList();
        } finally {
            bindings.start(BINDING);
        }

        // Event by event it would be a look-up and a record each: 2 × EVENTS. In batches, 2 per poll.
        assertThat(applied)
                .as(
                        "the commands on %s of the status machine's consumer for %d events",
                        IdempotentConsumer.COLLECTION, EVENTS)
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(EVENTS);
    }
}
