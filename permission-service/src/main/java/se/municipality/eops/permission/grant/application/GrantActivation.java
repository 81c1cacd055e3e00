package se.municipality.eops.permission.grant.application;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.GrantStatus;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.grant.domain.Training;
import se.municipality.eops.permission.grant.domain.Trainings;

/**
 * Activates the administrator grants of a person whose training is on record. Called from both sides
 * of the gate — after a grant starts waiting and after a training is recorded — and by the scheduled
 * job, so that whichever write comes second activates the grant; the status guard makes a second
 * activation change nothing.
 */
@Service
public class GrantActivation {

    private final Grants grants;
    private final Trainings trainings;
    private final PermissionMetrics metrics;
    private final Clock clock;

    GrantActivation(Grants grants, Trainings trainings, PermissionMetrics metrics, Clock clock) {
        this.grants = grants;
        this.trainings = trainings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Activates whatever waits for a training that is on record: the scheduled job's safety net for a
     * service that stopped between recording a training and activating its grants.
     *
     * @return how many grants this call activated
     */
    public int activateAllThatMay() {
        return grants.peopleAwaitingTraining().stream()
                .mapToInt(this::activateWaitingGrantsOf)
                .sum();
    }

    /** @return how many grants this call activated */
    public int activateWaitingGrantsOf(String personId) {
        return trainings
                .of(personId)
                .map(training -> (int) grants.awaitingTraining(personId).stream()
                        .filter(grant -> grant.status() == GrantStatus.AWAITING_TRAINING)
                        .filter(grant -> activate(grant, training))
                        .count())
                .orElse(0);
    }

    private boolean activate(Grant grant, Training training) {
        Instant now = clock.instant();
        boolean activated = grants.apply(grant.activate(training, now));
        if (activated) {
            metrics.activatedAfterTraining(grant, now);
        }
        return activated;
    }
}
