package se.municipality.eops.permission.grant.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;
import se.municipality.eops.contract.permission.TrainingCompleted;
import se.municipality.eops.permission.grant.domain.Training;
import se.municipality.eops.permission.grant.domain.Trainings;
import se.municipality.eops.starter.outbox.OutboxWrites;
import se.municipality.eops.starter.outbox.PendingEvent;

/** One document per trained person ({@code _id} = personId), written once with its event. */
@Repository
class MongoTrainings implements Trainings {

    private final MongoTemplate mongo;
    private final OutboxWrites outbox;

    MongoTrainings(MongoTemplate mongo, OutboxWrites outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public Optional<Training> of(String personId) {
        return Optional.ofNullable(mongo.findById(personId, TrainingDocument.class))
                .map(TrainingDocument::training);
    }

    @Override
    public boolean record(String personId, Training training, TrainingCompleted event) {
        try {
            outbox.insert(new TrainingDocument(personId, training, List.of(PendingEvent.of(event))));
            return true;
        } catch (DuplicateKeyException trainedBefore) {
            return false;
        }
    }

    @Document(TrainingDocument.COLLECTION)
    record TrainingDocument(@Id String personId, Training training, List<PendingEvent> pendingEvents) {
        static final String COLLECTION = "trainings";
    }
}
