package se.municipality.eops.localstack.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Optional;

/**
 * Lets mongo-java-server answer a query from a unique index whenever the query names every key of that index,
 * as MongoDB does, not only when it names those keys and nothing else.
 *
 * <p>mongo-java-server picks an index only for a query whose fields are exactly the index's keys. So {@code
 * {_id: 1, version: 3}} (every optimistic write of Spring Data), {@code {_id: 1, status: "PENDING"}} (a claim) or
 * {@code {_id: 1, "pendingEvents.eventId": ...}} matched every document of the collection, one by one, while holding
 * the collection's lock: on the local server's H2 file store each document is deserialized for it, so every such
 * write took tens of milliseconds at a few thousand documents, and every other command on the collection waited
 * behind it. MongoDB answers them from the {@code _id} index.
 *
 * <p>The positions of the index's part of the query are a superset of the answer; the caller matches the whole query
 * against them, so the answer is the same as the full scan's.
 */
public final class UniqueIndexLookups {

    private UniqueIndexLookups() {}

    /**
     * The positions a unique index gives for the part of {@code query} that names its keys, or empty when no index
     * can take the query that way (then the collection is scanned as before).
     */
    public static <P> Optional<Iterable<P>> candidates(Document query, List<Index<P>> indexes) {
        if (query.size() < 2) {
            return Optional.empty(); // a query of one field is an index's whole key or none: mongo-java-server's case
        }
        for (Index<P> index : indexes) {
            Document indexed = new Document();
            for (IndexKey key : index.getKeys()) {
                if (!query.containsKey(key.getKey())) {
                    indexed = null;
                    break;
                }
                indexed.put(key.getKey(), query.get(key.getKey()));
            }
            if (indexed != null && indexed.size() < query.size() && index.canHandle(indexed)) {
                return Optional.of(index.getPositions(indexed));
            }
        }
        return Optional.empty();
    }
}
