package se.municipality.eops.localstack.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Lets mongo-java-server answer a query from a unique index whenever the query names every key of that index,
 * as MongoDB does, not only when it names those keys and nothing else; and answer a list of keys from the index
 * alone.
 *
 * <p>mongo-java-server picks an index only for a query whose fields are exactly the index's keys. So {@code
 * {_id: 1, version: 3}} (every optimistic write of Spring Data), {@code {_id: 1, status: "PENDING"}} (a claim) or
 * {@code {_id: 1, "pendingEvents.eventId": ...}} matched every document of the collection, one by one, while holding
 * the collection's lock: on the local server's H2 file store each document is deserialized for it, so every such
 * write took tens of milliseconds at a few thousand documents, and every other command on the collection waited
 * behind it. MongoDB answers them from the {@code _id} index. The positions of the index's part of the query are a
 * superset of the answer; the caller matches the whole query against them, so the answer is the same as the full
 * scan's.
 *
 * <p>For {@code {_id: {$in: [...]}}} mongo-java-server does take the positions from the index, but then matches each
 * document found against the whole list again, one element after the other: n ids cost n × n comparisons (10,000
 * ids, a purge's step, took seconds). When the list holds strings only, the index's positions are exactly the answer,
 * so nothing is left to match.
 */
public final class UniqueIndexLookups {

    private UniqueIndexLookups() {}

    /** Where to look ({@code positions}) and what the documents there must still match ({@code toMatch}). */
    public record Lookup<P>(Iterable<P> positions, Document toMatch) {}

    /** A collection's own matching of documents at some positions against a query. */
    @FunctionalInterface
    public interface PositionMatcher<P> {
        QueryResult match(Document toMatch, Iterable<P> positions);
    }

    /**
     * A collection's {@code queryDocuments}: from an index as {@link #lookup} says, else as mongo-java-server would
     * ({@code otherwise}).
     */
    public static <P> QueryResult answer(
            Document query, List<Index<P>> indexes, PositionMatcher<P> matcher, Supplier<QueryResult> otherwise) {
        return lookup(query, indexes)
                .map(found -> matcher.match(found.toMatch(), found.positions()))
                .orElseGet(otherwise);
    }

    /**
     * The positions a unique index gives for {@code query}, with the part of the query still to match against them,
     * or empty when mongo-java-server's own choice is as good (an index's exact keys, or a scan).
     */
    public static <P> Optional<Lookup<P>> lookup(Document query, List<Index<P>> indexes) {
        if (query.size() == 1) {
            return listOfKeys(query, indexes);
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
                return Optional.of(new Lookup<>(index.getPositions(indexed), query));
            }
        }
        return Optional.empty();
    }

    /** {@code {key: {$in: [strings]}}} on a one-key index: the index's positions are the answer, nothing to match. */
    private static <P> Optional<Lookup<P>> listOfKeys(Document query, List<Index<P>> indexes) {
        String field = query.keySet().iterator().next();
        if (!(query.get(field) instanceof Document condition)
                || condition.size() != 1
                || !(condition.get("$in") instanceof Collection<?> values)
                || !values.stream().allMatch(String.class::isInstance)) {
            return Optional.empty();
        }
        for (Index<P> index : indexes) {
            List<IndexKey> keys = index.getKeys();
            if (keys.size() == 1 && keys.get(0).getKey().equals(field) && index.canHandle(query)) {
                // One look-up per value (mongo-java-server first sorts the list with its generic value comparator),
                // into a set: in a multikey index two listed values may lead to one document.
                Set<P> positions = new LinkedHashSet<>();
                for (Object value : values) {
                    P position = index.getPosition(new Document(field, value));
                    if (position != null) {
                        positions.add(position);
                    }
                }
                return Optional.of(new Lookup<>(positions, new Document()));
            }
        }
        return Optional.empty();
    }
}
