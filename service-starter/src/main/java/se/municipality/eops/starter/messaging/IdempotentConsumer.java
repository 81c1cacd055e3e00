package se.municipality.eops.starter.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Applies each event once per consumer. The ids of applied events are kept in {@value #COLLECTION}
 * under the unique key {@code consumer:eventId}; a redelivered event finds its id there and changes
 * nothing. The id is recorded after the handler succeeds, so a failing handler is retried; a crash
 * between the two applies the event again, which is why handlers that cause effects outside their
 * own database (e-mail) keep their own record of what they did.
 */
public class IdempotentConsumer {

    public static final String COLLECTION = "processed_events";

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Counter duplicates;

    public IdempotentConsumer(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        this.duplicates = meters.counter("eops.consumer.duplicates");
    }

    public boolean alreadyApplied(String consumer, UUID eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(key(consumer, eventId))), COLLECTION);
    }

    /** Runs the action unless this consumer already applied the event; returns whether it ran. */
    public boolean applyOnce(String consumer, UUID eventId, Runnable action) {
        if (alreadyApplied(consumer, eventId)) {
            duplicates.increment();
            log.info("{} already applied event {}; skipped", consumer, eventId);
            return false;
        }
        action.run();
        try {
            mongo.insert(
                    new Document("_id", key(consumer, eventId))
                            .append("consumer", consumer)
                            .append("eventId", eventId.toString())
                            .append("appliedAt", java.util.Date.from(clock.instant())),
                    COLLECTION);
        } catch (DuplicateKeyException concurrentDelivery) {
            duplicates.increment();
        }
        return true;
    }

    private static String key(String consumer, UUID eventId) {
        return consumer + ":" + eventId;
    }
}
