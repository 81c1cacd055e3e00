package se.municipality.eops.localstack.mongo;

import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secondary (non-unique) indexes the services declare, on the local and test MongoDB-protocol servers: accepted
 * and not served, as mongo-java-server does, but without its warning.
 *
 * <p>Every service declares the indexes its queries need on real MongoDB at each start; mongo-java-server keeps none
 * but unique ones and said so with a WARN per index, about a hundred lines in the local server's log at every
 * {@code ./run.sh} and in every test's output, which a reader took for trouble. What it means is said once here and
 * in the README; the line stays at DEBUG for whoever wants it.
 */
public final class DeclaredIndexes {

    private static final Logger log = LoggerFactory.getLogger(DeclaredIndexes.class);

    private DeclaredIndexes() {}

    /** An index that holds nothing and serves no query: the collection is scanned for what it would have served. */
    public static <P> Index<P> notServed(String collectionName, String indexName, List<IndexKey> keys) {
        log.debug("secondary index {} {} of {} declared; not served by this server", indexName, keys, collectionName);
        return new EmptyIndex<>(indexName, keys);
    }
}
