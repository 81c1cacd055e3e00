package se.municipality.eops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.deploy.Repository.list;
import static se.municipality.eops.deploy.Repository.string;

import io.github.resilience4j.micrometer.tagged.CircuitBreakerMetricNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.kafka.KafkaBinderMetrics;

/**
 * Every metric an alert in deploy/k8s/monitoring uses exists: registered by the services' code (meter names
 * read from their sources), by a library they use (its constant), or by the Kafka exporter (a listed fixture).
 */
class AlertRulesTest {

    private static final Pattern METER = Pattern.compile(
            "(Counter\\.builder|Gauge\\.builder|Timer\\.builder|\\.counter|\\.gauge|\\.timer)\\(\\s*\"([a-z0-9.]+)\"");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private static final Set<String> PROMQL_WORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset");

    @Test
    void everyAlertNamesMetricsThatExist() {
        Set<String> known = knownMetrics();
        Map<String, Object> rules = Repository.yamlDocuments(
                        Repository.read(Repository.DEPLOY.resolve("k8s/monitoring/prometheus-rules.yaml")))
                .get(0);
        List<Object> alerts = list(rules, "spec", "groups").stream()
                .flatMap(group -> list(group, "rules").stream())
                .toList();
        assertThat(alerts).as("alert rules").hasSizeGreaterThanOrEqualTo(5);
        List<String> unknown = new ArrayList<>();
        for (Object alert : alerts) {
            Set<String> metrics = metricsIn(string(alert, "expr"));
            assertThat(metrics).as("metrics of " + string(alert, "alert")).isNotEmpty();
            metrics.stream()
                    .filter(metric -> !known.contains(metric))
                    .forEach(metric -> unknown.add(string(alert, "alert") + ": " + metric));
        }
        assertThat(unknown)
                .as("metrics no service, library or exporter provides")
                .isEmpty();
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords or label names. */
    static Set<String> metricsIn(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
        Set<String> metrics = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(bare);
        while (identifiers.find()) {
            String name = identifiers.group();
            boolean function = bare.substring(identifiers.end()).stripLeading().startsWith("(");
            if (!function && !PROMQL_WORDS.contains(name)) {
                metrics.add(name);
            }
        }
        return metrics;
    }

    /** Prometheus names of the meters the services register, of the libraries' meters and of the exporter. */
    private static Set<String> knownMetrics() {
        Set<String> known = new TreeSet<>();
        for (Path source : mainSources()) {
            Matcher meters = METER.matcher(Repository.read(source));
            while (meters.find()) {
                String kind = meters.group(1).toLowerCase();
                String name = meters.group(2).replace('.', '_');
                if (kind.contains("counter")) {
                    known.add(name + "_total");
                } else if (kind.contains("timer")) {
                    Stream.of("_count", "_sum", "_max", "_bucket")
                            .forEach(suffix -> known.add(name + "_seconds" + suffix));
                } else {
                    known.add(name);
                }
            }
        }
        known.add(KafkaBinderMetrics.OFFSET_LAG_METRIC_NAME.replace('.', '_'));
        known.add(CircuitBreakerMetricNames.DEFAULT_CIRCUIT_BREAKER_STATE.replace('.', '_'));
        Repository.read(Path.of("src/test/resources/external-metrics.txt").toAbsolutePath())
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(known::add);
        return known;
    }

    private static List<Path> mainSources() {
        try (Stream<Path> files = Files.walk(Repository.ROOT)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("/src/main/java/"))
                    .filter(file -> !file.toString().contains("/target/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
