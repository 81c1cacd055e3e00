package se.municipality.eops.request.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import se.municipality.eops.request.lifecycle.LifecycleScenario;
import se.municipality.eops.request.sla.application.SlaJobs;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** A request waiting longer than its status allows (SUBMITTED: 2 days) is marked overdue once and reminded. */
@ServiceIntegrationTest
class OverdueIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MovableClock clock;

    @Autowired
    SlaJobs jobs;

    LifecycleScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new LifecycleScenario(port, mongo);
    }

    @Test
    void aRequestWaitingTooLongIsMarkedOverdueOnceAndTheTeamAndAssigneeAreReminded() {
        String eServiceId = "es-sla-" + UUID.randomUUID().toString().substring(0, 6);
        String waiting = scenario.file("anna", LifecycleScenario.testCasePurge(eServiceId));
        String assigned = scenario.file("anna", LifecycleScenario.retentionPurge(eServiceId));
        assertThat(scenario.call(
                                "cecilia",
                                HttpMethod.POST,
                                "/api/team/requests/" + assigned + "/assignment",
                                "{\"assignee\":\"cecilia\"}")
                        .status())
                .isEqualTo(200);

        clock.advance(Duration.ofDays(1));
        jobs.run();
        assertThat(scenario.read("anna", waiting).get("overdue").asBoolean())
                .as("a day: in time")
                .isFalse();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        jobs.run();
        jobs.run();

        JsonNode request = scenario.read("anna", waiting);
        assertThat(request.get("overdue").asBoolean()).isTrue();
        assertThat(LifecycleScenario.kindsOf(request)).containsExactly("STATUS_CHANGED", "OVERDUE");
        assertThat(scenario.awaitRequestEvent("RequestOverdue", waiting, "\"status\":\"SUBMITTED\""))
                .satisfies(event -> {
                    assertThat(event.payloadContains("\"allowed\":\"PT48H\"")).isTrue();
                    assertThat(event.payloadContains("\"remind\":[\"CENTRAL_TEAM\"]"))
                            .isTrue();
                });
        assertThat(scenario.requestEvents("RequestOverdue", waiting)).as("once").hasSize(1);
        assertThat(scenario.read("anna", assigned).get("overdue").asBoolean())
                .as("IN_PROGRESS allows 10 days")
                .isFalse();

        clock.advance(Duration.ofDays(9));
        jobs.run();
        assertThat(scenario.awaitRequestEvent("RequestOverdue", assigned, "\"assignee\":\"cecilia\""))
                .satisfies(event -> assertThat(event.payloadContains("\"remind\":[\"CENTRAL_TEAM\",\"ASSIGNEE\"]"))
                        .isTrue());
        assertThat(scenario.requestEvents("RequestOverdue", waiting))
                .as("still once")
                .hasSize(1);

        JsonNode overdue = scenario.call(
                        "cecilia", HttpMethod.GET, "/api/team/requests?overdue=true&eServiceId=" + eServiceId, null)
                .json();
        assertThat(overdue.get("totalItems").asLong()).isEqualTo(2);
    }
}
