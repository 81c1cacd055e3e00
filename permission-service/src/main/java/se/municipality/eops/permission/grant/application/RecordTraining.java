package se.municipality.eops.permission.grant.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.contract.permission.TrainingCompleted;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.grant.domain.Training;
import se.municipality.eops.permission.grant.domain.Trainings;

/**
 * The central team records a completed administrator training; the grants that waited for it become
 * active by themselves. Recording the same person again keeps the first record and activates anything
 * still waiting, so a retry after a failure finishes the job.
 */
@Service
public class RecordTraining {

    private final Trainings trainings;
    private final Grants grants;
    private final GrantActivation activation;
    private final Clock clock;

    RecordTraining(Trainings trainings, Grants grants, GrantActivation activation, Clock clock) {
        this.trainings = trainings;
        this.grants = grants;
        this.activation = activation;
        this.clock = clock;
    }

    /** What recording did. */
    public record Recorded(String personId, Training training, boolean first, int activatedGrants) {}

    public Recorded record(
            String userName, String name, String email, LocalDate completedOn, String course, String recordedBy) {
        String personId = PersonIds.normalize(userName);
        Instant now = clock.instant();
        Training training = new Training(completedOn, course.strip(), PersonIds.normalize(recordedBy), now);
        boolean first = trainings.record(
                personId,
                training,
                new TrainingCompleted(
                        UUID.randomUUID(),
                        personId,
                        now,
                        name,
                        email,
                        completedOn,
                        training.course(),
                        training.recordedBy(),
                        grants.awaitingTraining(personId).stream()
                                .map(Grant::id)
                                .toList()));
        int activated = activation.activateWaitingGrantsOf(personId);
        return new Recorded(personId, trainings.of(personId).orElse(training), first, activated);
    }
}
