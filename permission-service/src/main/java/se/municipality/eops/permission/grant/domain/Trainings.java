package se.municipality.eops.permission.grant.domain;

import java.util.List;
import java.util.Optional;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.contract.permission.TrainingCompleted;

/** The trainings on record, one per person (the latest). */
public interface Trainings {

    Optional<Training> of(String personId);

    /** Records the training with its event; a person trained before keeps the first record. */
    boolean record(String personId, Training training, TrainingCompleted event);

    /** A training on record with the person as they were named when it was recorded. */
    record Recorded(Person person, Training training) {}

    /** One page of the trainings on record, newest recorded first; {@code total} counts every match. */
    record Page(List<Recorded> items, int page, int size, long total) {}

    /** The trainings on record, newest recorded first, of one person only when {@code personId} is not null. */
    Page list(String personId, int page, int size);
}
