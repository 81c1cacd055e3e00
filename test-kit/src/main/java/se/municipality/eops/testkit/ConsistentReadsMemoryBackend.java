package se.municipality.eops.testkit;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import se.municipality.eops.localstack.mongo.DeclaredIndexes;
import se.municipality.eops.localstack.mongo.LocalMongoBackend;
import se.municipality.eops.localstack.mongo.UniqueIndexLookups;

/**
 * mongo-java-server's in-memory backend, answering reads with copies taken under the collection's lock.
 *
 * <p>Only a client's {@code find} is answered with copies; findAndModify answers what the server read for it.
 *
 * <p>The plain backend answers a query with the stored documents themselves and encodes them for the wire after
 * it has let go of the lock, while an update changes the stored document in place, field by field. A read that
 * ran beside an update could so come back half old, half new: with the new {@code version} but the old list of
 * votes, for instance, and an optimistic write based on it then overwrote the update it never saw (a lost vote in
 * publication-service's concurrent-review test). Real MongoDB never answers a torn document.
 *
 * <p>Like the local server of {@code ./run.sh}, it answers a query that names every key of a unique index from that
 * index ({@link UniqueIndexLookups}), as MongoDB does, instead of matching every document of the collection.
 *
 * <p>Public for the system tests, which run a server with this backend themselves (not the shared one).
 */
public final class ConsistentReadsMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new ConsistentReadsCollection(this, collectionName, options, cursorRegistry);
            }

            @Override
            protected Index<Integer> openOrCreateSecondaryIndex(
                    String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                return DeclaredIndexes.notServed(collectionName, indexName, keys);
            }
        };
    }

    private static final class ConsistentReadsCollection extends MemoryCollection {

        ConsistentReadsCollection(
                MemoryDatabase database,
                String collectionName,
                CollectionOptions options,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        /**
         * The server's own reads before a change (findAndModify, delete) come this way and need the stored
         * documents themselves, to change them: no copies here.
         */
        @Override
        public QueryResult handleQuery(Document query, int numberToSkip, int limit) {
            return super.handleQuery(new QueryParameters(query, numberToSkip, limit));
        }

        /** The way a client's {@code find} comes: copies, taken before the lock is let go. */
        @Override
        public synchronized QueryResult handleQuery(QueryParameters parameters) {
            QueryResult result = super.handleQuery(parameters);
            List<Document> copies = result.collectDocuments().stream()
                    .map(Document::cloneDeeply)
                    .toList();
            return new QueryResult(copies, result.getCursorId());
        }

        /** No data size kept, as on the local server ({@link LocalMongoBackend#KEEPS_DATA_SIZE}). */
        @Override
        protected boolean tracksDataSize() {
            return LocalMongoBackend.KEEPS_DATA_SIZE;
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
