package se.municipality.eops.systemtests;

import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.RSAKey;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.municipality.eops.contract.EventType;
import se.municipality.eops.localstack.identity.SigningKeys;
import se.municipality.eops.localstack.identity.TokenMinter;
import se.municipality.eops.testkit.ConsistentReadsMemoryBackend;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.RawKafka;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

/**
 * The whole suite as it runs in production, once per test JVM: the five services as processes of their own
 * (their packaged jars, run.sh's JVM options and environment, free ports, a fresh data folder under
 * {@code target/system-test-run}), one Kafka broker (a process of its own, as run.sh starts it), one
 * MongoDB-protocol server and one SMTP server (both in the test JVM; the services reach them over TCP) and the
 * sign-in (the local-identity module, Spring Authorization Server, a process of its own as run.sh starts it; demo
 * users' tokens come from its {@code GET /token?user=}). {@link #get()} starts it on first use; everything it
 * started is killed at JVM exit. Another Boot app (the web portal) starts with {@link #startBootApp}.
 *
 * <p>The fault tests take parts away for real: {@link #stopKafka()}, {@link #stopSmtp()}, {@link #kill9(Service)},
 * {@link #restart(Service)}, {@link #startSecondReplica(Service)}. See system-tests/README.md.
 */
public final class Suite {

    private static final Logger log = LoggerFactory.getLogger(Suite.class);
    private static final Duration READINESS = Duration.ofSeconds(300);
    /** The audience the services require (their default EOPS_TOKEN_AUDIENCE) and local-identity puts in tokens. */
    private static final String AUDIENCE = "eops-services";
    /** Every demo user's password at local-identity's login page (its default, as in run.sh). */
    public static final String DEMO_PASSWORD = "demo";
    /** The portal's client secret at local-identity (its default, as in run.sh). */
    public static final String PORTAL_CLIENT_SECRET = "portal-secret-local";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static volatile Suite instance;

    private final Path root;
    private final Path runDir;
    private final Path logDir;
    private final KafkaBroker kafka;
    private final MongoServer mongo;
    private final int mongoPort;
    private final MailServer mail;
    private final BootProcess identity;
    private final TokenMinter tokens;
    private final int portalPort;
    private final List<BootProcess> bootApps = new CopyOnWriteArrayList<>();
    private final PublishedEvents events;
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private final List<ServiceProcess> extraReplicas = new CopyOnWriteArrayList<>();

    private Suite() {
        long started = System.nanoTime();
        root = Paths.get(System.getProperty("eops.root", "..")).toAbsolutePath().normalize();
        Path target = Paths.get(System.getProperty("eops.system-tests.dir", "target"))
                .toAbsolutePath()
                .normalize();
        runDir = target.resolve("system-test-run");
        logDir = runDir.resolve("logs");
        StartedProcesses.begin(target.resolve("system-test-run.pids"), runDir.toString());
        deleteRecursively(runDir);
        createDirectories(logDir);

        // The sign-in first: it starts while the rest does. Its signing key is written here, so the forgery tests can
        // sign tokens nobody can get from it (expired, another audience, someone who is no demo user) with it.
        // The portal's port is chosen now: local-identity registers the portal's redirect URI at start.
        portalPort = SharedInfrastructure.freePort();
        RSAKey signingKey = SigningKeys.loadOrCreate(runDir.resolve("identity").resolve("signing-key.json"));
        identity = newBootApp(
                "local-identity", jar("local-identity"), SharedInfrastructure.freePort(), identityEnvironment());
        identity.start();

        String version = System.getProperty("eops.version", "0.1.0-SNAPSHOT");
        Path localStack = root.resolve("local-stack/target");
        requireFile(localStack.resolve("local-stack-" + version + ".jar"));
        kafka = new KafkaBroker(
                runDir,
                logDir,
                localStack.resolve("local-stack-" + version + ".jar") + ":" + localStack.resolve("lib/*"));
        kafka.startFresh();

        mongo = new MongoServer(new ConsistentReadsMemoryBackend());
        mongoPort = SharedInfrastructure.freePort();
        mongo.bind("localhost", mongoPort);
        mail = new MailServer(SharedInfrastructure.freePort());
        mail.start();
        events = PublishedEvents.capturing(kafka.bootstrap());
        // The services read the issuer's discovery document when they start.
        awaitReady(List.of(identity));
        tokens = new TokenMinter(identityUri(), AUDIENCE, signingKey);
        log.info(
                "System-test infrastructure up in {} ms: kafka {}, mongo {}, smtp {}, issuer {}",
                (System.nanoTime() - started) / 1_000_000,
                kafka.bootstrap(),
                mongoPort,
                mail.port(),
                identityUri());

        for (Service service : Service.values()) {
            ServiceProcess process = newReplica(service, service.artifact(), SharedInfrastructure.freePort());
            services.put(service, process);
            process.start();
        }
        awaitReady(services.values());
        log.info("All five services ready after {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** The running suite; the first call starts it (a minute or two) and every later one returns it. */
    public static Suite get() {
        if (instance == null) {
            synchronized (Suite.class) {
                if (instance == null) {
                    instance = new Suite();
                }
            }
        }
        return instance;
    }

    // ---- services --------------------------------------------------------------------------------------------

    /** The service's (first) replica. */
    public ServiceProcess service(Service service) {
        return services.get(service);
    }

    public String baseUrl(Service service) {
        return service(service).baseUrl();
    }

    /** HTTP to the service's first replica (the test kit's client: any status, any body). */
    public TestHttp http(Service service) {
        return service(service).http();
    }

    /** {@code kill -9} of the service's first replica; it stays down until {@link #restart(Service)}. */
    public void kill9(Service service) {
        service(service).kill9();
    }

    /**
     * Starts the service's first replica again on the same port (stopping it gracefully first if it still runs)
     * and waits until it is ready.
     */
    public void restart(Service service) {
        ServiceProcess process = service(service);
        process.stop();
        process.start();
        awaitReady(List.of(process));
    }

    /**
     * Starts again every first replica that is not running, e.g. one a failed fault test killed and never got to
     * restart, so that one test's failure does not become the next one's.
     */
    public void restartAnyStopped() {
        for (Service service : Service.values()) {
            if (!service(service).isAlive()) {
                log.warn("{} was not running at the start of a test: starting it again", service);
                restart(service);
            }
        }
    }

    /**
     * A second replica of the service (same jar, same database, same consumer groups, its own free port and its
     * own log {@code <service>-2.log}), ready when this returns. Stop it with {@link ServiceProcess#stop()} or
     * {@link ServiceProcess#kill9()}; it is killed at JVM exit in any case.
     */
    public ServiceProcess startSecondReplica(Service service) {
        return startSecondReplica(service, Map.of());
    }

    /**
     * As {@link #startSecondReplica(Service)}, with environment variables of its own on top of the suite's (e.g. a
     * shorter job interval for this replica only).
     */
    public ServiceProcess startSecondReplica(Service service, Map<String, String> environment) {
        ServiceProcess replica;
        synchronized (extraReplicas) { // replicas started at once get names (and logs) of their own
            long same =
                    extraReplicas.stream().filter(r -> r.service() == service).count();
            replica = newReplica(
                    service, service.artifact() + "-" + (same + 2), SharedInfrastructure.freePort(), environment);
            extraReplicas.add(replica);
        }
        replica.start();
        awaitReady(List.of(replica));
        return replica;
    }

    private ServiceProcess newReplica(Service service, String name, int port) {
        return newReplica(service, name, port, Map.of());
    }

    private ServiceProcess newReplica(Service service, String name, int port, Map<String, String> extraEnvironment) {
        Map<String, String> environment = environment();
        environment.putAll(extraEnvironment);
        return new ServiceProcess(
                service, name, jar(service.artifact()), port, environment, logDir.resolve(name + ".log"));
    }

    // ---- other Boot apps (the sign-in, the portal) -------------------------------------------------------------

    /**
     * Starts a Spring Boot app of the suite as a process of its own (run.sh's JVM options, its log {@code
     * <name>.log} beside the services'), and waits until it is ready; it is killed at JVM exit. For the web portal:
     * {@code startBootApp("web-portal", jar("web-portal"), portalPort(), portalEnvironment())}.
     */
    public BootProcess startBootApp(String name, Path jar, int port, Map<String, String> environment) {
        BootProcess app = newBootApp(name, jar, port, environment);
        app.start();
        awaitReady(List.of(app));
        return app;
    }

    private BootProcess newBootApp(String name, Path jar, int port, Map<String, String> environment) {
        BootProcess app = new BootProcess(name, jar, port, environment, logDir.resolve(name + ".log"));
        bootApps.add(app);
        return app;
    }

    /** A module's packaged Boot jar, {@code <module>/target/<module>.jar}; fails when it is not built. */
    public Path jar(String module) {
        Path jar = root.resolve(module + "/target/" + module + ".jar");
        requireFile(jar);
        return jar;
    }

    /** The sign-in's environment, as run.sh gives it (a fresh key file per run, the portal at its port). */
    private Map<String, String> identityEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(
                "EOPS_IDENTITY_KEY_FILE",
                runDir.resolve("identity/signing-key.json").toString());
        environment.put("EOPS_TOKEN_AUDIENCE", AUDIENCE);
        environment.put("EOPS_DEMO_PASSWORD", DEMO_PASSWORD);
        environment.put("EOPS_PORTAL_CLIENT_SECRET", PORTAL_CLIENT_SECRET);
        environment.put("EOPS_PORTAL_BASE_URL", portalBaseUrl());
        return environment;
    }

    /** {@code http://localhost:<port>}: the issuer the services trust, exactly as every token's {@code iss}. */
    public String identityUri() {
        return identity.baseUrl();
    }

    /** The sign-in's process (its log, {@code kill9}, ...). */
    public BootProcess identity() {
        return identity;
    }

    /** The port kept for the web portal; local-identity has the portal's redirect URI at this port registered. */
    public int portalPort() {
        return portalPort;
    }

    public String portalBaseUrl() {
        return "http://localhost:" + portalPort;
    }

    /** What the web portal reads (13-shared names), pointed at this suite's sign-in and services. */
    public Map<String, String> portalEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("EOPS_ISSUER_URI", identityUri());
        environment.put("EOPS_PORTAL_CLIENT_SECRET", PORTAL_CLIENT_SECRET);
        environment.put("EOPS_PORTAL_BASE_URL", portalBaseUrl());
        environment.put("EOPS_PORTAL_PORT", String.valueOf(portalPort));
        environment.put("EOPS_REQUEST_SERVICE_URL", baseUrl(Service.REQUEST));
        environment.put("EOPS_PUBLICATION_SERVICE_URL", baseUrl(Service.PUBLICATION));
        environment.put("EOPS_PURGE_SERVICE_URL", baseUrl(Service.PURGE));
        environment.put("EOPS_PERMISSION_SERVICE_URL", baseUrl(Service.PERMISSION));
        environment.put("EOPS_NOTIFICATION_SERVICE_URL", baseUrl(Service.NOTIFICATION));
        return environment;
    }

    private BootProcess portal;

    /**
     * The web portal (web-portal/target/web-portal.jar) as a process of its own on {@link #portalPort()}, pointed at
     * this suite's sign-in and services: started, and awaited ready, on the first call only, so that only the test
     * classes that ask for it (the browser tests) pay for its start; later calls return it.
     */
    public synchronized BootProcess portal() {
        if (portal == null) {
            portal = startBootApp("web-portal", jar("web-portal"), portalPort(), portalEnvironment());
        }
        return portal;
    }

    /** What run.sh exports for the services (export_service_environment), pointed at this suite's servers. */
    private Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("EOPS_KAFKA_BOOTSTRAP", kafka.bootstrap());
        environment.put("EOPS_MONGODB_HOST", "localhost");
        environment.put("EOPS_MONGODB_PORT", String.valueOf(mongoPort));
        environment.put("EOPS_ISSUER_URI", identityUri());
        environment.put("EOPS_SMTP_HOST", "localhost");
        environment.put("EOPS_SMTP_PORT", String.valueOf(mail.port()));
        environment.put("EOPS_SMTP_STARTTLS", "false");
        // Every test makes its own e-services, cases and grants: no demo data to tell apart from them.
        environment.put("EOPS_DEMO_DATA", "false");
        environment.put("EOPS_DATA_DIR", runDir.resolve("data").toString());
        // A replica killed with kill -9 leaves its consumer groups only when its session times out; until then its
        // partitions wait, also for its own restart. 10 s instead of Kafka's default 45 s: the same behaviour,
        // sooner (the fault tests kill every service).
        environment.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_CONSUMERPROPERTIES_SESSION_TIMEOUT_MS", "10000");
        environment.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_CONSUMERPROPERTIES_HEARTBEAT_INTERVAL_MS", "3000");
        // purge-service writes its progress after every batch of 100 cases (by default every 10 batches of 1,000), so
        // a kill -9 in the middle of a purge of a few thousand cases lands between two of its writes.
        environment.put("EOPS_PURGE_BATCH_SIZE", "100");
        environment.put("EOPS_PURGE_BATCHES_PER_WRITE", "1");
        // One line per event each consumer handles ("<consumer> handles <type> <event id> (key <aggregate>)") or
        // skips, with the trace id of the request that caused it: a flow can be followed by its trace id through every
        // log. (A variable names a package: Boot lower-cases what it maps from the environment, logger names are not.)
        environment.put("LOGGING_LEVEL_SE_MUNICIPALITY_EOPS_STARTER_MESSAGING", "DEBUG");
        return environment;
    }

    private static void awaitReady(Iterable<? extends BootProcess> processes) {
        for (BootProcess process : processes) {
            await(process.name() + " ready on " + process.baseUrl())
                    .atMost(READINESS)
                    .pollInterval(Duration.ofMillis(500))
                    .until(process::ready);
        }
    }

    /** Every replica started so far (first replicas, then second ones), for logs and checks. */
    public List<ServiceProcess> allReplicas() {
        List<ServiceProcess> all = new ArrayList<>(services.values());
        all.addAll(extraReplicas);
        return all;
    }

    // ---- infrastructure --------------------------------------------------------------------------------------

    public String kafkaBootstrap() {
        return kafka.bootstrap();
    }

    /** SIGTERM to the broker; it is gone when this returns (its port refuses connections). */
    public void stopKafka() {
        kafka.stop();
    }

    /** Starts the broker again on the same port with its data, and waits until it answers. */
    public void startKafka() {
        kafka.start();
    }

    public boolean kafkaRunning() {
        return kafka.isRunning();
    }

    public void stopSmtp() {
        mail.stop();
    }

    public void startSmtp() {
        mail.start();
    }

    /** The SMTP server: every mail received since the suite started (across restarts), per recipient. */
    public MailServer mail() {
        return mail;
    }

    public int mongoPort() {
        return mongoPort;
    }

    /** {@code mongodb://localhost:<port>}; each service has its own database ({@code eops-request}, ...). */
    public String mongoUri() {
        return "mongodb://localhost:" + mongoPort;
    }

    /**
     * A demo user's token (anna, erik, cecilia, rolf, rut, arvid, astrid, nils), valid 8 hours, from the sign-in's
     * {@code GET /token?user=} as {@code ./run.sh token USER} gets it; {@link IllegalArgumentException} for anyone
     * else.
     */
    public String token(String user) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(identityUri() + "/token?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("local-identity did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (answer.statusCode() == 400) {
            throw new IllegalArgumentException(answer.body().strip());
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body().strip();
    }

    /**
     * Tokens signed with the sign-in's own key, made in this JVM: for people who are no demo user and for forged
     * tokens (another issuer or audience, expired, a foreign signature, {@code alg: none}).
     */
    public TokenMinter tokens() {
        return tokens;
    }

    /** Every record on the suite's topics ({@code eops.*}, {@code error.*}) from the beginning, as it comes in. */
    public PublishedEvents events() {
        return events;
    }

    /** Sends a record exactly as given (poison messages, redeliveries, other systems' events). */
    public void sendRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        RawKafka.send(kafka.bootstrap(), topic, key, value, headers);
    }

    /** Sends a contract event as its publisher would, with the CloudEvents headers. */
    public void sendEvent(EventType type, String key, String eventId, String json, String source) {
        RawKafka.sendEvent(kafka.bootstrap(), type, key, eventId, json, source);
    }

    public void sendRaw(String topic, String key, String value, Map<String, String> headers) {
        sendRaw(topic, key, value.getBytes(StandardCharsets.UTF_8), headers);
    }

    // ---- logs ------------------------------------------------------------------------------------------------

    /**
     * The folder of every process's log ({@code <service>.log}, {@code <service>-2.log}, {@code kafka.log},
     * {@code local-identity.log}).
     */
    public Path logDir() {
        return logDir;
    }

    /** The log files that exist now, by name. */
    public Map<String, Path> logFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(logDir)) {
            list.filter(path -> path.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .forEach(path -> files.put(path.getFileName().toString().replaceFirst("\\.log$", ""), path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: package the suite first (./mvnw -DskipTests package),"
                    + " or run the system tests with -am (see system-tests/README.md)");
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
