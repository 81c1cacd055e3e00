package se.municipality.eops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class ConsistentReadsMemoryBackendTest {

    /**
     * One writer keeps moving two fields together ({@code before} and {@code after}, a large list between them);
     * readers must never see them apart. The plain backend let them: 0 torn reads is the claim.
     */
    @Test
    void aReadBesideAnUpdateSeesTheDocumentWhollyBeforeOrWhollyAfterIt() throws Exception {
        assertThat(tornReads(new ConsistentReadsMemoryBackend())).isZero();
    }

    /** Shows what the test above guards against, so that it cannot pass on a backend that tears nothing anyway. */
    @Test
    void thePlainBackendAnswersTornDocuments() throws Exception {
        assertThat(tornReads(new MemoryBackend())).isPositive();
    }

    private static long tornReads(MongoBackend backend) throws Exception {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
            MongoCollection<Document> documents = client.getDatabase("torn").getCollection("documents");
            List<Integer> filler = Collections.nCopies(10_000, 7);
            documents.insertOne(new Document("_id", "d")
                    .append("before", 0)
                    .append("filler", filler)
                    .append("after", 0));
            AtomicBoolean writing = new AtomicBoolean(true);
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 150; i++) {
                    documents.updateOne(
                            Filters.eq("_id", "d"), Updates.combine(Updates.inc("before", 1), Updates.inc("after", 1)));
                }
                writing.set(false);
            });
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    long torn = 0;
                    while (writing.get()) {
                        Document seen = documents.find(Filters.eq("_id", "d")).first();
                        if (!seen.getInteger("before").equals(seen.getInteger("after"))) {
                            torn++;
                        }
                    }
                    return torn;
                }));
            }
            writer.get();
            long torn = 0;
            for (Future<Long> reader : readers) {
                torn += reader.get();
            }
            return torn;
        } finally {
            pool.shutdownNow();
            server.shutdownNow();
        }
    }
}
