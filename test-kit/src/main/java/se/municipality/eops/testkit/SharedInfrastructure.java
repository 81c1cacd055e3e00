package se.municipality.eops.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;

/**
 * The infrastructure of one test JVM, started on first use and shared by every Spring context and
 * test class in it. Where Docker answers (or {@code -Dtest.infra=containers} forces it) Kafka and
 * MongoDB run in Testcontainers; otherwise an embedded KRaft broker and mongo-java-server. Both are
 * real servers spoken to over the network by the same clients the services use in production.
 * Nothing stops them explicitly: they die with the JVM, after Spring has closed its contexts.
 */
public final class SharedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
    private static volatile SharedInfrastructure instance;

    private final String kafkaBootstrap;
    private final String mongoUri;
    private final GreenMail mail;
    private final DemoTokenIssuer tokens;
    private final String mode;

    private SharedInfrastructure() {
        long started = System.nanoTime();
        boolean containers = useContainers();
        if (containers) {
            KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.1");
            MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
            kafka.start();
            mongo.start();
            kafkaBootstrap = kafka.getBootstrapServers();
            mongoUri = mongo.getConnectionString();
            mode = "containers";
        } else {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperty("auto.create.topics.enable", "true");
            broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
            broker.afterPropertiesSet();
            kafkaBootstrap = broker.getBrokersAsString();
            MongoServer mongo = new MongoServer(new ConsistentReadsMemoryBackend());
            int mongoPort = freePort();
            mongo.bind("localhost", mongoPort);
            mongoUri = "mongodb://localhost:" + mongoPort;
            mode = "embedded";
        }
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(freePort(), "localhost", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(freePort(), "localhost", ServerSetup.PROTOCOL_IMAP)
        });
        mail.start();
        tokens = DemoTokenIssuer.start(0);
        log.info(
                "Test infrastructure ({}) up in {} ms: kafka {}, mongo {}, smtp {}, issuer {}",
                mode,
                (System.nanoTime() - started) / 1_000_000,
                kafkaBootstrap,
                mongoUri,
                mail.getSmtp().getPort(),
                tokens.issuerUri());
    }

    public static SharedInfrastructure get() {
        if (instance == null) {
            synchronized (SharedInfrastructure.class) {
                if (instance == null) {
                    instance = new SharedInfrastructure();
                }
            }
        }
        return instance;
    }

    private static boolean useContainers() {
        String choice = System.getProperty("test.infra", "auto");
        return switch (choice) {
            case "containers" -> true;
            case "embedded" -> false;
            default -> {
                try {
                    yield DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    yield false;
                }
            }
        };
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** A connection string without a database; each service appends its own. */
    public String mongoUri() {
        return mongoUri;
    }

    public String mongoUri(String database) {
        return mongoUri + "/" + database;
    }

    public GreenMail mail() {
        return mail;
    }

    public DemoTokenIssuer tokens() {
        return tokens;
    }

    public String mode() {
        return mode;
    }
}
