package se.municipality.eops.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.permission.PermissionRequests.grant;
import static se.municipality.eops.permission.PermissionRequests.person;
import static se.municipality.eops.permission.PermissionRequests.publish;
import static se.municipality.eops.permission.PermissionRequests.uniqueEService;
import static se.municipality.eops.permission.PermissionRequests.uniqueUser;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.permission.grant.application.ExecutePermissionRequest;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.TestHttp;

@ServiceIntegrationTest
class MetricsIT {

    @LocalServerPort
    int port;

    @Autowired
    PermissionJobs jobs;

    @Test
    void prometheusShowsGrantsByRoleAndStatusTrainingWaitsAndExpiries() {
        RequestSubmitted request = grant(PermissionRole.ADMINISTRATOR, uniqueEService(), person(uniqueUser("m"), null));
        publish(request);
        PublishedEvents.get()
                .awaitOne(
                        Topics.PERMISSION_EVENTS,
                        "PermissionAwaitingTraining",
                        e -> ExecutePermissionRequest.grantIdFor(request.requestId())
                                .equals(e.key()));

        jobs.runOnce();
        String metrics = TestHttp.at(port).get("/actuator/prometheus", null).body();

        assertThat(metrics)
                .containsPattern(
                        "eops_permission_grants\\{[^}]*role=\"ADMINISTRATOR\"[^}]*status=\"AWAITING_TRAINING\"[^}]*} [1-9]")
                .contains("eops_permission_decisions_total")
                .contains("eops_permission_training_wait_seconds_count")
                .contains("role=\"EDITOR\",status=\"EXPIRED\"}")
                // The binder's Kafka sends are timed and exported (the starter's defaults keep the timer's tags
                // the same for every KafkaTemplate, which Prometheus requires of one name).
                .containsPattern(
                        "spring_kafka_template_seconds_count\\{[^}]*messaging_destination_name=\"eops.permission.events\"[^}]*} [1-9]");
    }
}
