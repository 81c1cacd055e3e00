package se.municipality.eops.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.permission.PermissionRequests.grant;
import static se.municipality.eops.permission.PermissionRequests.person;
import static se.municipality.eops.permission.PermissionRequests.publish;
import static se.municipality.eops.permission.PermissionRequests.uniqueEService;
import static se.municipality.eops.permission.PermissionRequests.uniqueUser;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.permission.TrainingCompleted;
import se.municipality.eops.contract.request.PermissionRequest.PermissionRole;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.permission.grant.application.ExecutePermissionRequest;
import se.municipality.eops.permission.grant.domain.Training;
import se.municipality.eops.permission.grant.domain.Trainings;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.ServiceIntegrationTest;

/** A training recorded by a replica that stopped before activating its grants: the job activates them. */
@ServiceIntegrationTest
class LateActivationIT {

    @Autowired
    Trainings trainings;

    @Autowired
    PermissionJobs jobs;

    @Autowired
    MovableClock clock;

    final PublishedEvents events = PublishedEvents.get();

    @Test
    void theScheduledJobActivatesAGrantWhoseTrainingWasRecordedWithoutActivatingIt() {
        String user = uniqueUser("yngve");
        RequestSubmitted request = grant(PermissionRole.ADMINISTRATOR, uniqueEService(), person(user, null));
        String grantId = ExecutePermissionRequest.grantIdFor(request.requestId());
        publish(request);
        events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionAwaitingTraining", e -> grantId.equals(e.key()));
        Training training = new Training(LocalDate.parse("2026-11-20"), "Grundkurs", "cecilia", clock.instant());
        trainings.record(
                user,
                training,
                new TrainingCompleted(
                        UUID.randomUUID(),
                        user,
                        clock.instant(),
                        null,
                        null,
                        training.completedOn(),
                        "Grundkurs",
                        "cecilia",
                        List.of(grantId)));

        jobs.runOnce();

        assertThat(events.awaitOne(Topics.PERMISSION_EVENTS, "PermissionGranted", e -> grantId.equals(e.key())))
                .isNotNull();
    }
}
