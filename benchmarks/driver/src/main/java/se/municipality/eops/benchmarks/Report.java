package se.municipality.eops.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoublePredicate;

/**
 * The one table of a benchmark run: each figure beside its same-run baseline, their ratio, the target and
 * whether it is met. A figure a step did not produce shows as "not measured" and never counts as met.
 */
final class Report {

    static final String[] SERVICES = {
        "request-service", "publication-service", "purge-service", "permission-service", "notification-service"
    };

    /** One line of the table; ratio and met are empty where there is nothing to compare or no target. */
    record Row(String figure, String measured, String baseline, Optional<Double> ratio, String target, String met) {}

    private final Results results;
    private final List<Row> rows = new ArrayList<>();

    private Report(Results results) {
        this.results = results;
    }

    static List<Row> rows(Results results) {
        Report report = new Report(results);
        report.build();
        return report.rows;
    }

    private void build() {
        Optional<Double> intake = number("intake.throughput");
        Optional<Double> intakeP99 = number("intake.p99_ms");
        compare(
                "intake POST /api/requests, 32 users: throughput",
                intake,
                "req/s",
                "raw insertOne, 32 threads",
                number("raw.throughput"),
                "ops/s",
                "≥ 0.5×",
                ratio -> ratio >= 0.5);
        compare(
                "intake: p99",
                intakeP99,
                "ms",
                "raw insertOne p99",
                number("raw.p99_ms"),
                "ms",
                "≤ 2×",
                ratio -> ratio <= 2);
        compare(
                "intake: throughput (information)",
                intake,
                "req/s",
                "trivial app no-op POST",
                number("noop.throughput"),
                "req/s",
                "for information",
                null);
        compare(
                "intake: p99 (information)",
                intakeP99,
                "ms",
                "trivial app no-op POST p99",
                number("noop.p99_ms"),
                "ms",
                "for information",
                null);
        compare(
                "outbox: pending events at the end of " + seconds("intake.seconds") + " of max intake",
                number("sustain.pending_mongo"),
                "events",
                "1 s of intake",
                intake,
                "events",
                "≤ 1×",
                ratio -> ratio <= 1);
        compare(
                "outbox: drain after a " + seconds("outage.seconds") + " Kafka outage" + incomplete("drain.complete"),
                number("drain.per_second"),
                "events/s",
                "intake max rate",
                intake,
                "req/s",
                "≥ 0.5×",
                ratio -> ratio >= 0.5);
        compare(
                "outbox: time to no pending event" + incomplete("drain.complete"),
                number("drain.seconds"),
                "s",
                "outage length",
                number("outage.seconds"),
                "s",
                "≤ 2×",
                ratio -> ratio <= 2 && number("drain.complete").orElse(0.0) == 1);
        compare(
                "outbox: drain (information)",
                number("drain.per_second"),
                "events/s",
                "Kafka ProducerPerformance, same broker",
                number("kafka.producer.per_second"),
                "rec/s",
                "for information",
                null);
        String latencyNote = number("latency.missing")
                .filter(missing -> missing > 0)
                .map(missing -> String.format(Locale.ROOT, " (%.0f never arrived)", missing))
                .orElse("");
        absolute(
                "POST → NotificationSent at " + format(number("latency.rate"), "") + "/s: p50" + latencyNote,
                number("latency.p50_ms"),
                "ms",
                "Kafka EndToEndLatency p50",
                number("kafka.e2e.p50_ms"),
                "≤ 50 ms",
                value -> value <= 50 && number("latency.missing").orElse(1.0) == 0);
        absolute(
                "POST → NotificationSent: p99" + latencyNote,
                number("latency.p99_ms"),
                "ms",
                "Kafka EndToEndLatency p99",
                number("kafka.e2e.p99_ms"),
                "≤ 250 ms",
                value -> value <= 250 && number("latency.missing").orElse(1.0) == 0);
        compare(
                "POST → NotificationSent: p50 of the last third",
                number("latency.last_third_p50_ms"),
                "ms",
                "p50 of the first third",
                number("latency.first_third_p50_ms"),
                "ms",
                "not growing (≤ 1.5×)",
                ratio -> ratio <= 1.5);
        String sseNote = number("sse.missing")
                .filter(missing -> missing > 0)
                .map(missing -> String.format(Locale.ROOT, " (%.0f never arrived)", missing))
                .orElse("");
        String sseFigure = "SSE fan-out, RequestStatusChanged sent → frame on each of "
                + format(number("sse.streams"), "") + " streams, " + format(number("sse.rounds"), "") + " rounds";
        absolute(
                sseFigure + ": p50" + sseNote,
                number("sse.p50_ms"),
                "ms",
                "Kafka EndToEndLatency p50",
                number("kafka.e2e.p50_ms"),
                "for information",
                null);
        absolute(
                "SSE fan-out: p99" + sseNote,
                number("sse.p99_ms"),
                "ms",
                "Kafka EndToEndLatency p99",
                number("kafka.e2e.p99_ms"),
                "≤ 1 s (a change within a second)",
                value -> value <= 1000 && number("sse.missing").orElse(1.0) == 0);
        absolute(
                "SSE fan-out: max" + sseNote,
                number("sse.max_ms"),
                "ms",
                "Kafka EndToEndLatency p99",
                number("kafka.e2e.p99_ms"),
                "for information",
                null);
        Optional<Double> mails = number("mail.per_second");
        rows.add(new Row(
                "receipt mails into SMTP, burst of " + format(number("mail.requests"), "")
                        + incomplete("mail.complete"),
                format(mails, "mails/s"),
                "—",
                Optional.empty(),
                "≥ 200/s",
                verdict(mails, value -> value >= 200 && number("mail.complete").orElse(0.0) == 1)));
        for (String service : SERVICES) {
            compare(
                    service + ": start to ready",
                    number("start." + service + ".seconds"),
                    "s",
                    "trivial app",
                    number("start.trivial-app.seconds"),
                    "s",
                    "≤ 2×",
                    ratio -> ratio <= 2);
        }
        for (String service : SERVICES) {
            Optional<Double> rss = number("rss." + service + ".mb");
            Optional<Double> trivial = number("rss.trivial-app.mb");
            rows.add(new Row(
                    service + ": idle RSS",
                    format(rss, "MB"),
                    "trivial app " + format(trivial, "MB"),
                    Ratios.of(rss, trivial),
                    "≤ 200 MB",
                    verdict(rss, value -> value <= 200)));
        }
        Optional<Double> alive = number("mongodb.alive");
        rows.add(new Row(
                "MongoDB-protocol server at the end",
                alive.map(value -> value == 1 ? "answers" : "does NOT answer").orElse("not measured") + ", RSS "
                        + format(number("rss.mongodb.mb"), "MB"),
                "—",
                Optional.empty(),
                "alive and answering",
                verdict(alive, value -> value == 1)));
    }

    private void compare(
            String figure,
            Optional<Double> value,
            String unit,
            String baselineName,
            Optional<Double> baseline,
            String baselineUnit,
            String target,
            DoublePredicate meets) {
        Optional<Double> ratio = Ratios.of(value, baseline);
        rows.add(new Row(
                figure,
                format(value, unit),
                baselineName + ": " + format(baseline, baselineUnit),
                ratio,
                target,
                meets == null ? "info" : verdict(ratio, meets)));
    }

    private void absolute(
            String figure,
            Optional<Double> value,
            String unit,
            String baselineName,
            Optional<Double> baseline,
            String target,
            DoublePredicate meets) {
        rows.add(new Row(
                figure,
                format(value, unit),
                baselineName + ": " + format(baseline, unit),
                Ratios.of(value, baseline),
                target,
                meets == null ? "info" : verdict(value, meets)));
    }

    private static String verdict(Optional<Double> value, DoublePredicate meets) {
        return value.map(v -> meets.test(v) ? "met" : "NOT met").orElse("not measured");
    }

    private Optional<Double> number(String name) {
        return results.number(name);
    }

    private String seconds(String name) {
        return format(number(name), "s");
    }

    private String incomplete(String name) {
        return number(name)
                .filter(done -> done == 0)
                .map(done -> " (did not finish)")
                .orElse("");
    }

    static String format(Optional<Double> value, String unit) {
        return value.map(v -> {
                    String number = Math.abs(v) >= 100 || v == Math.rint(v)
                            ? String.format(Locale.ROOT, "%,.0f", v)
                            : Math.abs(v) >= 10
                                    ? String.format(Locale.ROOT, "%.1f", v)
                                    : String.format(Locale.ROOT, "%.2f", v);
                    return unit.isEmpty() ? number : number + " " + unit;
                })
                .orElse("not measured");
    }
}
