package se.municipality.eops.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * One Kafka broker (KRaft, its own controller) in a process of its own, started as run.sh starts it: from
 * local-stack's jar and {@code target/lib}, with a {@code server.properties} in a fresh folder. Stopping and
 * starting it keeps its port and its data, so the services see the same broker come back.
 */
final class KafkaBroker {

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final Path config;
    private final String classpath;
    private final OsProcess process;

    KafkaBroker(Path runDir, Path logDir, String localStackClasspath) {
        this.port = freePortBesides(List.of());
        this.controllerPort = freePortBesides(List.of(port));
        this.dataDir = runDir.resolve("data/kafka");
        this.config = runDir.resolve("kafka/server.properties");
        this.classpath = localStackClasspath;
        this.process = new OsProcess(
                "kafka", command("kafka.Kafka", config.toString()), Map.of(), logDir.resolve("kafka.log"));
    }

    private static int freePortBesides(List<Integer> taken) {
        while (true) {
            int candidate = se.municipality.eops.testkit.SharedInfrastructure.freePort();
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private List<String> command(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Suite.javaExecutable(),
                "-Xms64m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dlog4j2.configurationFile=log4j2-local-stack.xml",
                "-Djava.awt.headless=true",
                "-cp",
                classpath,
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** Writes the configuration, formats the storage (first start only) and starts the broker. */
    void startFresh() {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(config.getParent());
            Files.writeString(config, serverProperties());
            Path formatLog = process.log().resolveSibling("kafka-format.log");
            ProcessBuilder format = new ProcessBuilder(command(
                            "kafka.tools.StorageTool",
                            "format",
                            "--standalone",
                            "-t",
                            Uuid.randomUuid().toString(),
                            "-c",
                            config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(formatLog.toFile());
            Process formatting = format.start();
            StartedProcesses.record(formatting.toHandle(), "kafka-format");
            if (!formatting.waitFor(120, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new IllegalStateException("formatting Kafka's storage failed; see " + formatLog);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        start();
    }

    /** Starts the broker on its port with the data it had, and waits until it answers an admin call. */
    void start() {
        process.start();
        awaitAnswering();
    }

    /** Stops the broker as an operator would (SIGTERM: a controlled shutdown) and waits until it is gone. */
    void stop() {
        process.stop(60);
    }

    void kill9() {
        process.kill9();
    }

    boolean isRunning() {
        return process.isAlive();
    }

    String bootstrap() {
        return "localhost:" + port;
    }

    OsProcess process() {
        return process;
    }

    private void awaitAnswering() {
        await("Kafka answering on " + bootstrap())
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                "Kafka exited with " + process.exitCode() + "; see " + process.log());
                    }
                    return portOpen(port) && clusterAnswers();
                });
    }

    private boolean clusterAnswers() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(properties)) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** run.sh's server.properties, on this broker's ports and data folder. */
    private String serverProperties() {
        return """
                process.roles=broker,controller
                node.id=1
                listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                controller.listener.names=CONTROLLER
                controller.quorum.bootstrap.servers=localhost:%2$d
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                group.initial.rebalance.delay.ms=0
                log.cleaner.dedupe.buffer.size=16777216
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                """.formatted(port, controllerPort, dataDir);
    }
}
