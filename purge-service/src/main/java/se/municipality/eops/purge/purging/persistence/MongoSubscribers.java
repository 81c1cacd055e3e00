package se.municipality.eops.purge.purging.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import se.municipality.eops.purge.purging.domain.Subscribers;

/**
 * Subscribers in {@value #SUBSCRIBERS}; acknowledgements in {@value #ACKNOWLEDGEMENTS}, one document per purge,
 * batch and subscriber ({@code _id}), so a repeated acknowledgement is a duplicate key and changes nothing.
 */
@Repository
class MongoSubscribers implements Subscribers {

    static final String SUBSCRIBERS = "subscribers";
    static final String ACKNOWLEDGEMENTS = "purge_acknowledgements";

    private final MongoTemplate mongo;

    MongoSubscribers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record SubscriberDocument(@Id String id, String name, String registeredBy, Instant registeredAt) {}

    record AcknowledgementDocument(
            @Id String id, String purgeId, int batchNumber, String subscriberId, Instant acknowledgedAt) {}

    @Override
    public void register(Subscriber subscriber) {
        mongo.save(
                new SubscriberDocument(
                        subscriber.subscriberId(),
                        subscriber.name(),
                        subscriber.registeredBy(),
                        subscriber.registeredAt()),
                SUBSCRIBERS);
    }

    @Override
    public List<Subscriber> all() {
        return mongo.find(new Query().with(Sort.by("_id")), SubscriberDocument.class, SUBSCRIBERS).stream()
                .map(document -> new Subscriber(
                        document.id(), document.name(), document.registeredBy(), document.registeredAt()))
                .toList();
    }

    @Override
    public void acknowledge(String purgeId, int batchNumber, String subscriberId, Instant at) {
        try {
            mongo.insert(
                    new AcknowledgementDocument(
                            purgeId + ":" + batchNumber + ":" + subscriberId, purgeId, batchNumber, subscriberId, at),
                    ACKNOWLEDGEMENTS);
        } catch (DuplicateKeyException acknowledgedBefore) {
            // The first acknowledgement counts.
        }
    }

    @Override
    public List<Acknowledgement> acknowledgementsOf(String purgeId) {
        return mongo
                .find(
                        Query.query(Criteria.where("purgeId").is(purgeId)),
                        AcknowledgementDocument.class,
                        ACKNOWLEDGEMENTS)
                .stream()
                .map(ack -> new Acknowledgement(ack.batchNumber(), ack.subscriberId(), ack.acknowledgedAt()))
                .toList();
    }
}
