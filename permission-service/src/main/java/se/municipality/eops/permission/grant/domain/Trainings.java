package se.municipality.eops.permission.grant.domain;

import java.util.Optional;
import se.municipality.eops.contract.permission.TrainingCompleted;

/** The trainings on record, one per person (the latest). */
public interface Trainings {

    Optional<Training> of(String personId);

    /** Records the training with its event; a person trained before keeps the first record. */
    boolean record(String personId, Training training, TrainingCompleted event);
}
