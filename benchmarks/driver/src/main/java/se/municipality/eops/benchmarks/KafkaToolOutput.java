package se.municipality.eops.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Figures from the output of Kafka's own tools, as kafka-tools 4.1 prints them. */
final class KafkaToolOutput {

    /** ProducerPerformance's last line: "N records sent, R records/sec (M MB/sec), A ms avg latency, ..., P ms 99th". */
    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([0-9.]+) records/sec \\([0-9.]+ MB/sec\\), ([0-9.]+) ms avg latency, ([0-9.]+) ms max"
                    + " latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    /** EndToEndLatency: "Percentiles: 50th = 0, 99th = 6, 99.9th = 11" (milliseconds). */
    private static final Pattern END_TO_END =
            Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");

    private static final Pattern END_TO_END_AVERAGE = Pattern.compile("Avg latency: ([0-9.]+) ms");

    private KafkaToolOutput() {}

    static Map<String, Double> producerPerformance(String output) {
        Map<String, Double> figures = new LinkedHashMap<>();
        Matcher summary = PRODUCER_SUMMARY.matcher(output);
        // The lines it prints every few seconds have no percentiles: only the final summary matches.
        while (summary.find()) {
            figures.put("records", Double.parseDouble(summary.group(1)));
            figures.put("per_second", Double.parseDouble(summary.group(2)));
            figures.put("avg_ms", Double.parseDouble(summary.group(3)));
            figures.put("p50_ms", Double.parseDouble(summary.group(5)));
            figures.put("p99_ms", Double.parseDouble(summary.group(7)));
        }
        return figures;
    }

    static Map<String, Double> endToEndLatency(String output) {
        Map<String, Double> figures = new LinkedHashMap<>();
        Matcher percentiles = END_TO_END.matcher(output);
        if (percentiles.find()) {
            figures.put("p50_ms", Double.parseDouble(percentiles.group(1)));
            figures.put("p99_ms", Double.parseDouble(percentiles.group(2)));
        }
        Matcher average = END_TO_END_AVERAGE.matcher(output);
        if (average.find()) {
            figures.put("avg_ms", Double.parseDouble(average.group(1)));
        }
        return figures;
    }
}
