package se.municipality.eops.permission.grant.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;
import se.municipality.eops.contract.permission.PermissionRequestRefused;
import se.municipality.eops.contract.permission.PermissionRequestRefused.ReasonCode;
import se.municipality.eops.permission.grant.domain.Refusals;
import se.municipality.eops.starter.outbox.OutboxWrites;
import se.municipality.eops.starter.outbox.PendingEvent;

/** One document per refused request ({@code _id} = requestId), written once with its event. */
@Repository
class MongoRefusals implements Refusals {

    private final MongoTemplate mongo;
    private final OutboxWrites outbox;

    MongoRefusals(MongoTemplate mongo, OutboxWrites outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public boolean record(PermissionRequestRefused refusal) {
        try {
            outbox.insert(new RefusalDocument(
                    refusal.requestId(),
                    refusal.reasonCode(),
                    refusal.reason(),
                    refusal.occurredAt(),
                    List.of(PendingEvent.of(refusal))));
            return true;
        } catch (DuplicateKeyException refusedBefore) {
            return false;
        }
    }

    @Override
    public boolean exists(String requestId) {
        return mongo.findById(requestId, RefusalDocument.class) != null;
    }

    @Document(RefusalDocument.COLLECTION)
    record RefusalDocument(
            @Id String requestId,
            ReasonCode reasonCode,
            String reason,
            Instant refusedAt,
            List<PendingEvent> pendingEvents) {
        static final String COLLECTION = "refusals";
    }
}
