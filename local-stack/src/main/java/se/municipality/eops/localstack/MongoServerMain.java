package se.municipality.eops.localstack;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.municipality.eops.localstack.mongo.LocalMongoBackend;

/**
 * A MongoDB-protocol server (mongo-java-server) that keeps its data in one H2 file, so the suite's data
 * survives a restart, and answers queries from unique indexes as MongoDB does ({@link LocalMongoBackend}).
 * Usage: {@code MongoServerMain [dataDirectory]}; port from {@code EOPS_MONGO_PORT}.
 */
public final class MongoServerMain {

    private static final Logger log = LoggerFactory.getLogger(MongoServerMain.class);

    private MongoServerMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = LocalSettings.port("EOPS_MONGO_PORT", 27017);
        Path dataFile = LocalSettings.dataDirectory(args).resolve("mongo").resolve("eops.mv.db");
        Files.createDirectories(dataFile.getParent());

        LocalMongoBackend backend = new LocalMongoBackend(dataFile.toString());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("localhost", port);
        } catch (RuntimeException e) {
            log.error("Cannot listen on localhost:{} ({}). Is another MongoDB running?", port, e.getMessage());
            // Closing the backend releases the file lock, so the next start does not find a locked store.
            backend.close();
            System.exit(1);
        }
        // Only a clean close writes the last changes to the H2 file; SIGTERM and Ctrl-C run this hook.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.shutdownNow();
                            log.info("MongoDB-protocol server stopped; data saved in {}", dataFile);
                        },
                        "mongo-server-shutdown"));
        log.info("MongoDB-protocol server ready on localhost:{} (data in {})", port, dataFile);

        // Keeps the process alive whether or not the server's own threads are daemons; the hook ends it.
        Thread.currentThread().join();
    }
}
