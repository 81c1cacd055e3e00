package se.municipality.eops.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMongoBackendTest {

    private static MongoServer server;
    private static MongoClient client;
    private static MongoCollection<Document> requests;

    @BeforeAll
    static void start() {
        server = new MongoServer(new LocalMongoBackend(null)); // null: H2's in-memory store, same code as the file
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://localhost:" + address.getPort());
        requests = client.getDatabase("local-backend").getCollection("requests");
        requests.createIndex(Indexes.ascending("number", "kind"), new IndexOptions().unique(true));
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            documents.add(new Document("_id", "r" + i)
                    .append("version", i % 3)
                    .append("status", i % 2 == 0 ? "OPEN" : "DONE")
                    .append("number", i)
                    .append("kind", "k"));
        }
        requests.insertMany(documents);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aQueryNamingTheIdAndMoreFieldsIsTakenFromTheIdIndex() {
        Index<Integer> idIndex = uniqueIndex("_id");
        idIndex.add(new de.bwaldvogel.mongo.bson.Document("_id", "a"), 1, null);
        idIndex.add(new de.bwaldvogel.mongo.bson.Document("_id", "b"), 2, null);

        assertThat(UniqueIndexLookups.lookup(query("_id", "b", "version", 3), List.of(idIndex)))
                .hasValueSatisfying(lookup -> {
                    assertThat(lookup.positions()).containsExactly(2);
                    assertThat(lookup.toMatch()).isEqualTo(query("_id", "b", "version", 3));
                });
        assertThat(UniqueIndexLookups.lookup(
                        query("_id", new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", "b", "c")), "s", 1),
                        List.of(idIndex)))
                .hasValueSatisfying(lookup -> assertThat(lookup.positions()).containsExactlyInAnyOrder(1, 2));
    }

    @Test
    void aListOfIdsIsAnsweredFromTheIdIndexAloneWithoutMatchingEachDocumentAgainstTheList() {
        Index<Integer> idIndex = uniqueIndex("_id");
        idIndex.add(new de.bwaldvogel.mongo.bson.Document("_id", "a"), 1, null);
        idIndex.add(new de.bwaldvogel.mongo.bson.Document("_id", "b"), 2, null);

        assertThat(UniqueIndexLookups.lookup(
                        query("_id", new de.bwaldvogel.mongo.bson.Document("$in", List.of("b", "a", "c", "a"))),
                        List.of(idIndex)))
                .hasValueSatisfying(lookup -> {
                    assertThat(lookup.positions()).containsExactlyInAnyOrder(1, 2);
                    assertThat(lookup.toMatch()).isEmpty();
                });
        // Not strings alone (a number matches 3 and 3.0 alike), or more than $in: mongo-java-server's own way.
        assertThat(UniqueIndexLookups.lookup(
                        query("_id", new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", 3))), List.of(idIndex)))
                .isEmpty();
        assertThat(UniqueIndexLookups.lookup(
                        query("_id", new de.bwaldvogel.mongo.bson.Document("$in", List.of("a")).append("$ne", "b")),
                        List.of(idIndex)))
                .isEmpty();
        assertThat(UniqueIndexLookups.lookup(
                        query("version", new de.bwaldvogel.mongo.bson.Document("$in", List.of("a"))), List.of(idIndex)))
                .isEmpty();
    }

    @Test
    void aQueryThatDoesNotNameEveryKeyOfAnIndexOrNamesARangeOfItIsLeftToTheScan() {
        Index<Integer> idIndex = uniqueIndex("_id");
        Index<Integer> compound = uniqueIndex("number", "kind");

        assertThat(UniqueIndexLookups.lookup(query("version", 3), List.of(idIndex, compound)))
                .isEmpty();
        assertThat(UniqueIndexLookups.lookup(query("number", 3, "status", "OPEN"), List.of(idIndex, compound)))
                .isEmpty();
        assertThat(UniqueIndexLookups.lookup(
                        query("_id", new de.bwaldvogel.mongo.bson.Document("$gt", "a"), "version", 1),
                        List.of(idIndex)))
                .isEmpty();
        // Exactly the index's keys: mongo-java-server takes those itself.
        assertThat(UniqueIndexLookups.lookup(query("_id", "a"), List.of(idIndex)))
                .isEmpty();
    }

    @Test
    void answersAreThoseOfAFullScan() {
        assertThat(ids(Filters.and(Filters.eq("_id", "r4"), Filters.eq("version", 1))))
                .containsExactly("r4");
        assertThat(ids(Filters.and(Filters.eq("_id", "r4"), Filters.eq("version", 2))))
                .isEmpty();
        assertThat(ids(Filters.and(Filters.in("_id", "r1", "r2", "r3", "nope"), Filters.eq("status", "OPEN"))))
                .containsExactly("r2");
        assertThat(ids(Filters.and(Filters.eq("number", 7), Filters.eq("kind", "k"), Filters.eq("status", "DONE"))))
                .containsExactly("r7");
        assertThat(ids(Filters.and(
                        Filters.eq("_id", "r9"), Filters.or(Filters.eq("status", "DONE"), Filters.eq("x", 1)))))
                .containsExactly("r9");
        assertThat(ids(Filters.in("_id", "r3", "nope", "r1", "r3"))).containsExactlyInAnyOrder("r1", "r3");
        assertThat(ids(Filters.in("_id", List.of()))).isEmpty();
    }

    @Test
    void versionedWritesAndDeletesChangeTheOneDocumentTheyName() {
        requests.insertOne(new Document("_id", "w").append("version", 1).append("status", "OPEN"));

        assertThat(requests.updateOne(
                                Filters.and(Filters.eq("_id", "w"), Filters.eq("version", 0)),
                                Updates.set("status", "STALE"))
                        .getMatchedCount())
                .isZero();
        assertThat(requests.updateOne(
                                Filters.and(Filters.eq("_id", "w"), Filters.eq("version", 1)),
                                Updates.combine(Updates.set("status", "DONE"), Updates.inc("version", 1)))
                        .getModifiedCount())
                .isOne();
        assertThat(requests.find(Filters.eq("_id", "w")).first())
                .containsEntry("status", "DONE")
                .containsEntry("version", 2);
        assertThat(requests.deleteOne(Filters.and(Filters.eq("_id", "w"), Filters.eq("status", "OPEN")))
                        .getDeletedCount())
                .isZero();
        assertThat(requests.deleteOne(Filters.and(Filters.eq("_id", "w"), Filters.eq("status", "DONE")))
                        .getDeletedCount())
                .isOne();
    }

    @Test
    void aListOfIdsDeletesTheDocumentsItNamesAndNoOther() {
        for (int i = 1; i <= 3; i++) {
            requests.insertOne(
                    new Document("_id", "d" + i).append("number", 1000 + i).append("kind", "d"));
        }

        assertThat(requests.deleteMany(Filters.in("_id", "d1", "d3", "nope")).getDeletedCount())
                .isEqualTo(2);
        assertThat(requests.countDocuments(Filters.regex("_id", "^d"))).isOne();
        requests.deleteOne(Filters.eq("_id", "d2"));
    }

    @Test
    void uniqueIndexesStillRefuseASecondDocumentWithTheirKey() {
        assertThatThrownBy(() -> requests.insertOne(new Document("_id", "r5")))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> requests.insertOne(
                        new Document("_id", "other").append("number", 5).append("kind", "k")))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
        requests.insertOne(new Document("_id", "other").append("number", 5).append("kind", "other kind"));
        assertThat(ids(Filters.and(Filters.eq("number", 5), Filters.eq("kind", "other kind"))))
                .containsExactly("other");
        requests.deleteOne(Filters.eq("_id", "other"));
    }

    /**
     * A file of the former local server (mongo-java-server's own H2 backend, whose index maps order keys by their
     * serialized bytes) opens with its documents, and its indexes built anew answer and refuse as before.
     */
    @Test
    void aFileWrittenByTheFormerServerOpensWithItsIndexesRebuilt(@TempDir Path directory) {
        String file = directory.resolve("eops.mv.db").toString();
        H2Backend former = new H2Backend(file);
        MongoServer formerServer = new MongoServer(former);
        try (MongoClient formerClient =
                MongoClients.create("mongodb://localhost:" + formerServer.bind().getPort())) {
            MongoCollection<Document> cases = formerClient.getDatabase("kept").getCollection("cases");
            cases.createIndex(Indexes.ascending("caseNumber"), new IndexOptions().unique(true));
            for (int i = 0; i < 50; i++) {
                cases.insertOne(new Document("_id", "c" + i).append("caseNumber", 1000 - i));
            }
        } finally {
            formerServer.shutdownNow(); // closes the store, as the server's shutdown hook does
        }

        MongoServer reopened = new MongoServer(new LocalMongoBackend(file));
        try (MongoClient client =
                MongoClients.create("mongodb://localhost:" + reopened.bind().getPort())) {
            MongoCollection<Document> cases = client.getDatabase("kept").getCollection("cases");
            assertThat(cases.countDocuments()).isEqualTo(50);
            assertThat(cases.find(Filters.eq("_id", "c7")).first()).containsEntry("caseNumber", 993);
            assertThat(cases.find(Filters.eq("caseNumber", 990)).first()).containsEntry("_id", "c10");
            assertThatThrownBy(() -> cases.insertOne(new Document("_id", "c3"))).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> cases.insertOne(new Document("_id", "new").append("caseNumber", 999)))
                    .hasMessageContaining("duplicate key");
        } finally {
            reopened.shutdownNow();
        }

        // And once more: the file now holds the ordered index maps themselves, which are taken as they are.
        MongoServer again = new MongoServer(new LocalMongoBackend(file));
        try (MongoClient client =
                MongoClients.create("mongodb://localhost:" + again.bind().getPort())) {
            MongoCollection<Document> cases = client.getDatabase("kept").getCollection("cases");
            assertThat(cases.find(Filters.eq("caseNumber", 990)).first()).containsEntry("_id", "c10");
            assertThat(cases.find(Filters.and(Filters.eq("_id", "c10"), Filters.eq("caseNumber", 990)))
                            .first())
                    .isNotNull();
            assertThatThrownBy(() -> cases.insertOne(new Document("_id", "c3"))).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> cases.insertOne(new Document("_id", "other").append("caseNumber", 999)))
                    .hasMessageContaining("duplicate key");
        } finally {
            again.shutdownNow();
        }
    }

    /** The index's keys go with the collection (the keys' own H2 map), so a new collection of that name starts empty. */
    @Test
    void aDroppedCollectionLeavesNoIndexKeysBehind() {
        MongoCollection<Document> scratch = client.getDatabase("local-backend").getCollection("scratch");
        scratch.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
        scratch.insertOne(new Document("_id", "s1").append("code", "A"));
        scratch.drop();

        scratch.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
        scratch.insertOne(new Document("_id", "s1").append("code", "A"));
        assertThat(scratch.countDocuments()).isOne();
        scratch.drop();
    }

    @Test
    void indexKeysAreOrderedAsMongoDbOrdersValues() {
        KeyValueOrder order = new KeyValueOrder();

        assertThat(order.compare(new KeyValue(List.of(2)), new KeyValue(List.of(10))))
                .isNegative();
        assertThat(order.compare(new KeyValue(List.of("b")), new KeyValue(List.of("a"))))
                .isPositive();
        assertThat(order.compare(new KeyValue(List.of(1)), new KeyValue(List.of(1.0))))
                .isZero();
        assertThat(order.compare(new KeyValue(List.of("a", 2)), new KeyValue(List.of("a", 3))))
                .isNegative();
    }

    private static List<String> ids(Bson filter) {
        List<String> ids = new ArrayList<>();
        requests.find(filter).forEach(found -> ids.add(found.getString("_id")));
        return ids;
    }

    private static de.bwaldvogel.mongo.bson.Document query(Object... keysAndValues) {
        de.bwaldvogel.mongo.bson.Document query = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            query.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return query;
    }

    private static Index<Integer> uniqueIndex(String... keys) {
        List<IndexKey> indexKeys = new ArrayList<>();
        for (String key : keys) {
            indexKeys.add(new IndexKey(key, true));
        }
        return new MemoryUniqueIndex(String.join("_", keys), indexKeys, false);
    }
}
