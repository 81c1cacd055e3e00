package se.municipality.eops.permission.grant.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.contract.permission.TrainingCompleted;
import se.municipality.eops.permission.grant.domain.Training;
import se.municipality.eops.permission.grant.domain.Trainings;
import se.municipality.eops.starter.outbox.OutboxWrites;
import se.municipality.eops.starter.outbox.PendingEvent;

/**
 * One document per trained person ({@code _id} = personId), written once with its event. The person's name and
 * e-mail as recorded are kept beside the training for the team's list (records written before they were kept have
 * none).
 */
@Repository
class MongoTrainings implements Trainings {

    private static final String RECORDED_AT = "training.recordedAt";

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
            outbox.insert(new TrainingDocument(
                    personId, event.name(), event.email(), training, List.of(PendingEvent.of(event))));
            return true;
        } catch (DuplicateKeyException trainedBefore) {
            return false;
        }
    }

    @Override
    public Page list(String personId, int page, int size) {
        Query query = personId == null
                ? new Query()
                : Query.query(Criteria.where("_id").is(personId));
        long total = mongo.count(query, TrainingDocument.class);
        query.with(Sort.by(Sort.Order.desc(RECORDED_AT), Sort.Order.asc("_id")))
                .skip((long) page * size)
                .limit(size);
        List<Recorded> items = mongo.find(query, TrainingDocument.class).stream()
                .map(document -> new Recorded(
                        new Person(document.personId(), document.name(), document.email()), document.training()))
                .toList();
        return new Page(items, page, size, total);
    }

    /** The list sorts on {@code training.recordedAt} (newest first); the filter is the {@code _id}. */
    @Document(TrainingDocument.COLLECTION)
    @CompoundIndex(name = "recorded_at", def = "{'training.recordedAt': -1, '_id': 1}")
    record TrainingDocument(
            @Id String personId, String name, String email, Training training, List<PendingEvent> pendingEvents) {
        static final String COLLECTION = "trainings";
    }
}
