package se.municipality.eops.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The steps of ./run.sh bench, one per invocation: run.sh starts and stops the processes (the suite, Kafka for
 * the outage, Kafka's tools) and calls a step in between; each step adds its figures to the run's results file,
 * and {@code report} turns them into the table.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("Usage: Bench STEP [ARGUMENTS]; see run.sh bench");
        }
        String step = args[0];
        if (step.equals("report")) {
            report(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Path.of(args[3]) : null);
            return;
        }
        Suite suite = Suite.fromEnvironment();
        switch (step) {
            case "intake" -> intake(suite, seconds(args[1]), seconds(args[2]));
            case "noop" -> noop(suite, seconds(args[1]), seconds(args[2]));
            case "raw-insert" -> RawInsertBaseline.run(suite, 32, seconds(args[1]), seconds(args[2]));
            case "latency" ->
                NotificationLatency.run(
                        suite, Double.parseDouble(args[1]), seconds(args[2]), seconds(args[3]), seconds(args[4]));
            case "sse-fanout" ->
                SseFanOut.run(suite, Integer.parseInt(args[1]), Integer.parseInt(args[2]), seconds(args[3]));
            case "mail-burst" -> MailBurst.run(suite, Integer.parseInt(args[1]), seconds(args[2]));
            case "outage-load" -> outageLoad(suite, seconds(args[1]));
            case "drain" -> Outbox.drain(suite, seconds(args[1]));
            case "mongo-alive" -> suite.record("mongodb.alive", Outbox.answers(suite) ? 1 : 0);
            case "kafka-tools" -> kafkaTools(suite, Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("Unknown step " + step);
        }
        // Gatling and the Kafka clients leave non-daemon threads behind; the step is done.
        System.exit(0);
    }

    private static Duration seconds(String text) {
        return Duration.ofSeconds(Long.parseLong(text));
    }

    /** Max-rate intake after a warm-up: its throughput and p99, then the outbox's backlog at its end. */
    private static void intake(Suite suite, Duration warmUp, Duration measure) {
        String token = suite.token("anna");
        GatlingRun.run("intake-warmup", suite.requestServiceUrl(), "/api/requests", token, 32, warmUp, null);
        GatlingRun.HttpFigures figures = GatlingRun.run(
                "intake",
                suite.requestServiceUrl(),
                "/api/requests",
                token,
                32,
                measure,
                suite.workFolder().resolve("gatling"));
        Outbox.recordPending(suite, "sustain");
        record(suite, "intake", figures, measure);
    }

    private static void noop(Suite suite, Duration warmUp, Duration measure) {
        GatlingRun.run("noop-warmup", suite.trivialAppUrl(), "/api/noop", null, 32, warmUp, null);
        GatlingRun.HttpFigures figures = GatlingRun.run(
                "noop",
                suite.trivialAppUrl(),
                "/api/noop",
                null,
                32,
                measure,
                suite.workFolder().resolve("gatling"));
        record(suite, "noop", figures, measure);
    }

    /** Max-rate intake while Kafka is down (run.sh stopped it): requests must still be filed. */
    private static void outageLoad(Suite suite, Duration outage) {
        GatlingRun.HttpFigures figures = GatlingRun.run(
                "outage",
                suite.requestServiceUrl(),
                "/api/requests",
                suite.token("anna"),
                32,
                outage,
                suite.workFolder().resolve("gatling"));
        record(suite, "outage", figures, outage);
    }

    private static void record(Suite suite, String prefix, GatlingRun.HttpFigures figures, Duration window) {
        suite.record(prefix + ".seconds", window.toSeconds());
        suite.record(prefix + ".ok", figures.ok());
        suite.record(prefix + ".failed", figures.failed());
        suite.record(prefix + ".throughput", figures.okPerSecond());
        suite.record(prefix + ".p50_ms", figures.p50Millis());
        suite.record(prefix + ".p99_ms", figures.p99Millis());
    }

    private static void kafkaTools(Suite suite, Path producerLog, Path endToEndLog) throws IOException {
        for (Map.Entry<String, Double> figure :
                KafkaToolOutput.producerPerformance(read(producerLog)).entrySet()) {
            suite.record("kafka.producer." + figure.getKey(), figure.getValue());
        }
        for (Map.Entry<String, Double> figure :
                KafkaToolOutput.endToEndLatency(read(endToEndLog)).entrySet()) {
            suite.record("kafka.e2e." + figure.getKey(), figure.getValue());
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** Prints the table with the machine it ran on and writes it as Markdown. */
    private static void report(Path resultsFile, Path markdownFile, Path gatlingFolder) throws IOException {
        Results results = Results.read(resultsFile);
        List<Report.Row> rows = Report.rows(results);
        String machine = Machine.describe(results);
        System.out.println();
        System.out.println(machine);
        System.out.println();
        System.out.print(Table.text(rows));
        String markdown = "## Benchmark run " + results.text("run.date").orElse("") + "\n\n" + machine + "\n\n"
                + Table.markdown(rows) + "\n"
                + "Every figure was measured in this run; the raw figures are in " + resultsFile.getFileName()
                + (gatlingFolder != null ? ", Gatling's reports in " + gatlingFolder : "") + ".\n";
        Files.createDirectories(markdownFile.toAbsolutePath().getParent());
        Files.writeString(markdownFile, markdown, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println("The table as Markdown: " + markdownFile);
    }
}
