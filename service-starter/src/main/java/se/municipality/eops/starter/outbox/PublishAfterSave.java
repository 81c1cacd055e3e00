package se.municipality.eops.starter.outbox;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Hands every saved document that carries pending events to the relay right after the write. */
public class PublishAfterSave extends AbstractMongoEventListener<Object> {

    private final OutboxRelay relay;
    private final List<String> collections;

    public PublishAfterSave(OutboxRelay relay, List<String> collections) {
        this.relay = relay;
        this.collections = collections;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Object> event) {
        Document document = event.getDocument();
        if (document == null || !collections.contains(event.getCollectionName())) {
            return;
        }
        Object pending = document.get(OutboxRelay.PENDING_EVENTS);
        if (pending instanceof List<?> list && !list.isEmpty()) {
            relay.publishSoon(event.getCollectionName(), document.get("_id"));
        }
    }
}
