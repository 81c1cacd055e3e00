package se.municipality.eops.localstack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The local MongoDB-protocol server's store: mongo-java-server's H2 file backend, whose collections answer a query
 * that names every key of a unique index from that index ({@link UniqueIndexLookups}), as MongoDB does, and whose
 * indexes compare their keys in memory ({@link KeyValueOrder}) instead of serializing them for every comparison.
 */
public final class LocalMongoBackend extends H2Backend {

    /** mongo-java-server's own names of a collection's data and meta maps in the MVStore (H2Database). */
    private static final String DATA_MAP_PREFIX = "databases.";

    private static final String META_MAP_PREFIX = "meta.";

    private static final String ORDERED_KEYS_SUFFIX = ".ordered";

    public LocalMongoBackend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // Runs from H2Backend's constructor for the databases already in the file: uses no field of this class.
        return new LocalDatabase(databaseName);
    }

    /** Inner, so that it reaches the store while H2Database's constructor opens the collections already there. */
    private final class LocalDatabase extends H2Database {

        LocalDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /**
         * The index's keys in a map of their own ({@value #ORDERED_KEYS_SUFFIX}) ordered by {@link KeyValueOrder}. A
         * file written before has the index under H2Database's name, ordered by the keys' serialized bytes: that map
         * is dropped, and mongo-java-server fills the new, empty one from the collection's documents when it adds
         * the index to the collection.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVStore mvStore = getMvStore();
            String formerName = indexMapName(collectionName, indexName);
            if (mvStore.hasMap(formerName)) {
                // Opened as H2Database opens it (removeMap(name) would open it with a key type that cannot compare,
                // and the store's background compaction then fails on its pages).
                mvStore.removeMap(mvStore.openMap(formerName));
            }
            MVMap<KeyValue, Object> map = mvStore.openMap(
                    formerName + ORDERED_KEYS_SUFFIX,
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueOrder()));
            return new OrderedKeyIndex(map, indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return DeclaredIndexes.notServed(collectionName, indexName, keys);
        }

        @Override
        protected void dropIndex(de.bwaldvogel.mongo.MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(indexMapName(collection.getCollectionName(), indexName) + ORDERED_KEYS_SUFFIX);
        }

        /** H2Database's own name of an index's map. */
        private String indexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }

        @Override
        protected de.bwaldvogel.mongo.MongoCollection<Object> openOrCreateCollection(
                String collectionName, CollectionOptions options) {
            MVStore mvStore = getMvStore();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = mvStore.openMap(DATA_MAP_PREFIX + fullName);
            MVMap<String, Object> meta = mvStore.openMap(META_MAP_PREFIX + fullName);
            return new LocalCollection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }

    /**
     * Whether a collection keeps the size of its data: no. mongo-java-server keeps it by BSON-encoding every
     * document it inserts, removes and updates (the old and the new one) only to add up their lengths, and the H2
     * backend writes that sum to the store on every write. MongoDB has its documents in BSON already and pays
     * nothing of the kind; nothing of the suite reads a collection's size ({@code collStats}), which now reads 0.
     * A purge's step, which rewrites a document with ten thousand ids, encoded it twice for this alone.
     */
    public static final boolean KEEPS_DATA_SIZE = false;

    private static final class LocalCollection extends H2Collection {

        LocalCollection(
                MongoDatabase database,
                String collectionName,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, data, meta, cursorRegistry);
        }

        /** See {@link #KEEPS_DATA_SIZE}. */
        @Override
        protected boolean tracksDataSize() {
            return KEEPS_DATA_SIZE;
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            return UniqueIndexLookups.answer(
                    query,
                    getIndexes(),
                    (toMatch, positions) ->
                            matchDocuments(toMatch, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector),
                    () -> super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
        }
    }
}
