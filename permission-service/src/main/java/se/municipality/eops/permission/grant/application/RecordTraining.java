package se.municipality.eops.permission.grant.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.contract.permission.TrainingCompleted;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.grant.domain.Training;
import se.municipality.eops.permission.grant.domain.Trainings;
import se.municipality.eops.starter.web.InvalidInputException;

/**
 * The central team records a completed administrator training; the grants that waited for it become
 * active by themselves. Recording the same person again keeps the first record and activates anything
 * still waiting, so a retry after a failure finishes the job. A training completed after today (in the service's
 * time zone, {@code eops.permission.time-zone}) or before 2000 is refused: it would open the gate on a training
 * nobody has had.
 */
@Service
public class RecordTraining {

    private final Trainings trainings;
    private final Grants grants;
    private final GrantActivation activation;
    private final Clock clock;
    private final ZoneId timeZone;

    RecordTraining(
            Trainings trainings,
            Grants grants,
            GrantActivation activation,
            Clock clock,
            PermissionProperties properties) {
        this.trainings = trainings;
        this.grants = grants;
        this.activation = activation;
        this.clock = clock;
        this.timeZone = properties.timeZone();
    }

    /**
     * Whether the training gate takes a training completed that day (not after today in the service's time zone, not
     * before 2000), so a form can be checked whole before anything is recorded.
     *
     * @throws InvalidInputException naming {@code completedOn} otherwise
     */
    public void checkCompletedOn(LocalDate completedOn) {
        checkCompletedOn(completedOn, clock.instant());
    }

    private void checkCompletedOn(LocalDate completedOn, Instant now) {
        try {
            Training.checkCompletedOn(completedOn, LocalDate.ofInstant(now, timeZone));
        } catch (Training.InvalidTrainingDateException refused) {
            throw new InvalidInputException(refused);
        }
    }

    /** What recording did. */
    public record Recorded(String personId, Training training, boolean first, int activatedGrants) {}

    public Recorded record(
            String userName, String name, String email, LocalDate completedOn, String course, String recordedBy) {
        String personId = PersonIds.normalize(userName);
        Instant now = clock.instant();
        checkCompletedOn(completedOn, now);
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
