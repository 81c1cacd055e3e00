package se.municipality.eops.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import se.municipality.eops.contract.Topics;
import tools.jackson.databind.JsonNode;

/**
 * One administrator grant on its way through flow 4 (filed, waiting for training, training recorded, active,
 * completed) for a person of the test's own, so that no other test's training activates it.
 */
final class AdministratorGrantFlow {

    private final FaultFlows flows;
    final String personId;
    final String eServiceId;
    String requestId;

    private AdministratorGrantFlow(FaultFlows flows, String prefix) {
        this.flows = flows;
        this.personId = FaultFlows.unique("p-" + prefix);
        this.eServiceId = FaultFlows.unique("es-" + prefix);
    }

    static AdministratorGrantFlow file(FaultFlows flows, String prefix) {
        AdministratorGrantFlow flow = new AdministratorGrantFlow(flows, prefix);
        flow.requestId = flows.fileAdministratorGrant(flow.eServiceId, flow.personId);
        return flow;
    }

    AdministratorGrantFlow awaitTraining() {
        flows.awaitStatus(requestId, "WAITING_FOR_TRAINING");
        return this;
    }

    AdministratorGrantFlow recordTraining() {
        flows.recordTraining(personId);
        return this;
    }

    String personEmail() {
        return personId + "@kommun.example";
    }

    /** Completed with every step on its timeline, the person an administrator, granted once. */
    void assertCompletedOnce() {
        JsonNode request = flows.awaitStatus(requestId, "COMPLETED");
        assertThat(FaultFlows.statusesOnTimeline(request))
                .as(requestId + " timeline")
                .containsExactly("SUBMITTED", "WAITING_FOR_TRAINING", "COMPLETED");
        assertThat(FaultFlows.kindsOnTimeline(request))
                .as(requestId + " timeline")
                .containsOnly("STATUS_CHANGED");
        assertThat(flows.administrator(personId, eServiceId)).isTrue();
        assertThat(flows.distinct(
                        Topics.PERMISSION_EVENTS,
                        "PermissionGranted",
                        event -> requestId.equals(FaultFlows.field(event, "requestId"))))
                .as("grants of " + requestId)
                .hasSize(1);
    }

    /**
     * Anna's receipt, WAITING_FOR_TRAINING and completed (naming the request); her and the person's "awaiting
     * training" and "granted" (naming the e-service).
     */
    List<FaultFlows.ExpectedMails> expectedMails() {
        return List.of(
                new FaultFlows.ExpectedMails(FaultFlows.ANNA, requestId, 3),
                new FaultFlows.ExpectedMails(FaultFlows.ANNA, eServiceId, 2),
                new FaultFlows.ExpectedMails(personEmail(), eServiceId, 2));
    }
}
