package se.municipality.eops.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs {@link IntakeSimulation} in this JVM through Gatling's own entry point and reads its report's figures. */
final class GatlingRun {

    /** What Gatling measured over one run: requests that got the expected answer, and the others. */
    record HttpFigures(long ok, long failed, double okPerSecond, double p50Millis, double p99Millis) {}

    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

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
                    : readReport(Files.readString(newestRun(folder).resolve("index.html"), StandardCharsets.UTF_8));
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

    /**
     * The "All Requests" row of the report's statistics table. Gatling 3.15's open-source report no longer writes
     * js/stats.json and its simulation.log is binary, so the figures are read where Gatling shows them: the cells
     * of that row carry their column (2 total, 3 OK, 4 KO, 6 requests/s, 8 p50, 11 p99 in ms, as percentile1 and
     * percentile4 of gatling-defaults.conf) in their class.
     */
    static HttpFigures readReport(String indexHtml) {
        int row = indexHtml.indexOf("<tr id=\"ROOT\"");
        if (row < 0) {
            throw new IllegalStateException("No \"All Requests\" row in Gatling's report");
        }
        String cells = indexHtml.substring(row, indexHtml.indexOf("</tr>", row));
        Map<Integer, String> byColumn = new HashMap<>();
        Matcher cell = CELL.matcher(cells);
        while (cell.find()) {
            byColumn.put(Integer.parseInt(cell.group(1)), cell.group(2).trim().replace(",", ""));
        }
        double total = number(byColumn, 2);
        double ok = number(byColumn, 3);
        return new HttpFigures(
                (long) ok,
                (long) number(byColumn, 4),
                total == 0 ? 0 : number(byColumn, 6) * ok / total,
                number(byColumn, 8),
                number(byColumn, 11));
    }

    private static double number(Map<Integer, String> byColumn, int column) {
        String text = byColumn.get(column);
        if (text == null || text.equals("-")) {
            throw new IllegalStateException("Gatling's report has no figure in column " + column);
        }
        return Double.parseDouble(text);
    }
}
