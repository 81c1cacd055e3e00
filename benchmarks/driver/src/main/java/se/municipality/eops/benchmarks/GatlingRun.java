package se.municipality.eops.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** Runs {@link IntakeSimulation} in this JVM through Gatling's own entry point and reads its report's figures. */
final class GatlingRun {

    /** What Gatling measured over one run: requests that got the expected answer, and the others. */
    record HttpFigures(long ok, long failed, double okPerSecond, double p50Millis, double p99Millis) {}

    private GatlingRun() {}

    /**
     * Runs the load and returns the report's figures; without a results folder (a warm-up) it writes no report
     * and returns null.
     */
    static HttpFigures run(
            String name, String baseUrl, String path, String token, int users, Duration duration, Path resultsFolder) {
        System.setProperty("bench.name", name);
        System.setProperty("bench.baseUrl", baseUrl);
        System.setProperty("bench.path", path);
        System.setProperty("bench.token", token == null ? "" : token);
        System.setProperty("bench.users", Integer.toString(users));
        System.setProperty("bench.seconds", Long.toString(duration.toSeconds()));
        System.out.printf(
                "  Gatling: %s, %d users for %ds on %s%s%n", name, users, duration.toSeconds(), baseUrl, path);
        try {
            Path folder = resultsFolder != null ? resultsFolder : Files.createTempDirectory("gatling-warmup");
            Files.createDirectories(folder);
            String[] arguments = resultsFolder != null
                    ? new String[] {"-s", IntakeSimulation.class.getName(), "-rf", folder.toString(), "-rd", name}
                    : new String[] {"-s", IntakeSimulation.class.getName(), "-rf", folder.toString(), "-nr"};
            int status = io.gatling.app.Gatling$.MODULE$.fromArgs(arguments);
            if (status != 0) {
                throw new IllegalStateException("Gatling ended with status " + status);
            }
            return resultsFolder == null
                    ? null
                    : readStats(newestRun(folder).resolve("js").resolve("stats.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path newestRun(Path folder) throws IOException {
        try (Stream<Path> runs = Files.list(folder)) {
            return runs.filter(Files::isDirectory)
                    .max(Comparator.comparingLong(run -> run.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no report in " + folder));
        }
    }

    /** The "All Requests" figures of a Gatling report's js/stats.json (percentiles1 is p50, percentiles4 p99). */
    static HttpFigures readStats(Path statsJson) throws IOException {
        JsonNode stats = new ObjectMapper().readTree(statsJson.toFile()).path("stats");
        return new HttpFigures(
                stats.path("numberOfRequests").path("ok").asLong(),
                stats.path("numberOfRequests").path("ko").asLong(),
                stats.path("meanNumberOfRequestsPerSecond").path("ok").asDouble(),
                stats.path("percentiles1").path("ok").asDouble(),
                stats.path("percentiles4").path("ok").asDouble());
    }
}
