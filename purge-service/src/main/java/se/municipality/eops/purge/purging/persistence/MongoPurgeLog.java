package se.municipality.eops.purge.purging.persistence;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import se.municipality.eops.purge.purging.domain.PurgeLog;
import se.municipality.eops.purge.purging.domain.PurgeLogEntry;

/** The purge log in {@value #COLLECTION}, one document per purge keyed by its id, so it is written once. */
@Repository
class MongoPurgeLog implements PurgeLog {

    static final String COLLECTION = "purge_log";

    private final MongoTemplate mongo;

    MongoPurgeLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record LogDocument(@Id String id, PurgeLogEntry entry) {}

    @Override
    public void recordOnce(PurgeLogEntry entry) {
        try {
            mongo.insert(new LogDocument(entry.purgeId(), entry), COLLECTION);
        } catch (DuplicateKeyException loggedBefore) {
            // A restart after the entry was written: the log keeps the first one.
        }
    }

    @Override
    public List<PurgeLogEntry> all() {
        return mongo.find(new Query().with(Sort.by("entry.finishedAt")), LogDocument.class, COLLECTION).stream()
                .map(LogDocument::entry)
                .toList();
    }
}
