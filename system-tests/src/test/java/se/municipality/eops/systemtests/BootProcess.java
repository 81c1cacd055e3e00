package se.municipality.eops.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.municipality.eops.testkit.TestHttp;

/**
 * A Spring Boot jar as a process of its own on a fixed port, with run.sh's JVM options (boot_jvm_options): a
 * service replica ({@link ServiceProcess}), the sign-in (local-identity) or any other Boot app of the suite (see
 * {@link Suite#startBootApp}). Ready when {@code /actuator/health/readiness} answers 200. A restart uses the same
 * port and appends to the same log.
 */
public class BootProcess {

    private static final HttpClient PROBE =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final OsProcess process;

    BootProcess(String name, Path jar, int port, Map<String, String> environment, Path log) {
        this.port = port;
        List<String> command = new ArrayList<>(List.of(
                Suite.javaExecutable(),
                // run.sh's options: small, quickly started JVMs.
                "-Xms32m",
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                jar.toString(),
                "--server.port=" + port));
        this.process = new OsProcess(name, command, environment, log);
    }

    /** The log name, e.g. {@code local-identity}, {@code request-service} or {@code purge-service-2}. */
    public String name() {
        return process.name();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public TestHttp http() {
        return TestHttp.at(port);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return process.log();
    }

    void start() {
        process.start();
    }

    /** {@code kill -9}: gone at once, nothing shut down gracefully. */
    public void kill9() {
        process.kill9();
    }

    /** SIGTERM: a graceful shutdown, as a pod is stopped. */
    public void stop() {
        process.stop(40);
    }

    /** True once {@code /actuator/health/readiness} answers 200; fails when the process has exited. */
    boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name() + " exited with " + process.exitCode() + " before it was ready; "
                    + "last lines of " + log() + ":\n" + tail(40));
        }
        try {
            HttpResponse<Void> answer = PROBE.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log());
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log() + ": " + e + ")";
        }
    }
}
