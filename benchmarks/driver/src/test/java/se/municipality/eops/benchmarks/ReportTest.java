package se.municipality.eops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static Report.Row row(List<Report.Row> rows, String figureStart) {
        return rows.stream()
                .filter(row -> row.figure().startsWith(figureStart))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void comparesTheIntakeWithTheRawInsertAndJudgesTheTarget() {
        Map<String, String> values = new HashMap<>();
        values.put("intake.throughput", "500");
        values.put("raw.throughput", "2000");
        values.put("intake.p99_ms", "150");
        values.put("raw.p99_ms", "100");

        List<Report.Row> rows = Report.rows(Results.of(values));

        Report.Row throughput = row(rows, "intake POST");
        assertThat(throughput.measured()).isEqualTo("500 req/s");
        assertThat(throughput.baseline()).isEqualTo("raw insertOne, 32 threads: 2,000 ops/s");
        assertThat(throughput.ratio()).contains(0.25);
        assertThat(throughput.met()).isEqualTo("NOT met");
        Report.Row p99 = row(rows, "intake: p99");
        assertThat(p99.ratio()).contains(1.5);
        assertThat(p99.met()).isEqualTo("met");
    }

    @Test
    void neverCountsARatioAgainstABaselineThatMeasuredNothingAsMet() {
        // A baseline whose run failed reports no latency as -1 ms: a negative ratio would pass "at most 2x".
        Map<String, String> values = new HashMap<>();
        values.put("intake.p99_ms", "150");
        values.put("raw.p99_ms", "-1");

        Report.Row p99 = row(Report.rows(Results.of(values)), "intake: p99");

        assertThat(p99.ratio()).isEmpty();
        assertThat(p99.met()).isEqualTo("not measured");
    }

    @Test
    void neverCountsAMissingFigureAsMet() {
        List<Report.Row> rows = Report.rows(Results.of(Map.of("raw.throughput", "2000")));

        Report.Row throughput = row(rows, "intake POST");
        assertThat(throughput.measured()).isEqualTo("not measured");
        assertThat(throughput.ratio()).isEmpty();
        assertThat(throughput.met()).isEqualTo("not measured");
        assertThat(row(rows, "MongoDB-protocol server").met()).isEqualTo("not measured");
    }

    @Test
    void aLatencyWithRequestsThatNeverArrivedIsNotMet() {
        Map<String, String> values = new HashMap<>();
        values.put("latency.rate", "20");
        values.put("latency.p50_ms", "12");
        values.put("latency.p99_ms", "40");
        values.put("latency.missing", "3");

        List<Report.Row> rows = Report.rows(Results.of(values));

        Report.Row p50 = row(rows, "POST → NotificationSent at 20/s: p50");
        assertThat(p50.figure()).contains("3 never arrived");
        assertThat(p50.met()).isEqualTo("NOT met");
    }

    @Test
    void sseFanOutIsShownBesideKafkasOwnLatencyAndItsP99MustStayWithinASecond() {
        Map<String, String> values = new HashMap<>();
        values.put("sse.streams", "100");
        values.put("sse.rounds", "10");
        values.put("sse.missing", "0");
        values.put("sse.p50_ms", "12");
        values.put("sse.p99_ms", "40");
        values.put("sse.max_ms", "55");
        values.put("kafka.e2e.p50_ms", "2");
        values.put("kafka.e2e.p99_ms", "8");

        List<Report.Row> rows = Report.rows(Results.of(values));

        Report.Row p50 =
                row(rows, "SSE fan-out, RequestStatusChanged sent → frame on each of 100 streams, 10 rounds: p50");
        assertThat(p50.ratio()).contains(6.0);
        assertThat(p50.met()).isEqualTo("info");
        assertThat(row(rows, "SSE fan-out: p99").met()).isEqualTo("met");
        assertThat(row(rows, "SSE fan-out: max").baseline()).isEqualTo("Kafka EndToEndLatency p99: 8 ms");

        values.put("sse.missing", "4");
        Report.Row missed = row(Report.rows(Results.of(values)), "SSE fan-out: p99");
        assertThat(missed.figure()).contains("4 never arrived");
        assertThat(missed.met()).isEqualTo("NOT met");
    }

    @Test
    void aDrainThatDidNotFinishMissesItsCatchUpTargetWhateverTheRatio() {
        Map<String, String> values = new HashMap<>();
        values.put("drain.seconds", "60");
        values.put("outage.seconds", "60");
        values.put("drain.complete", "0");

        Report.Row catchUp = row(Report.rows(Results.of(values)), "outbox: time to no pending event");

        assertThat(catchUp.figure()).endsWith("(did not finish)");
        assertThat(catchUp.ratio()).contains(1.0);
        assertThat(catchUp.met()).isEqualTo("NOT met");
    }

    @Test
    void judgesMemoryByItsAbsoluteLimitAndShowsTheRatioToTheTrivialApp() {
        Map<String, String> values = new HashMap<>();
        values.put("rss.request-service.mb", "251.5");
        values.put("rss.trivial-app.mb", "170");

        Report.Row rss = row(Report.rows(Results.of(values)), "request-service: idle RSS");

        assertThat(rss.measured()).isEqualTo("252 MB");
        assertThat(rss.baseline()).isEqualTo("trivial app 170 MB");
        assertThat(rss.ratio().orElseThrow()).isBetween(1.47, 1.48);
        assertThat(rss.met()).isEqualTo("NOT met");
    }

    @Test
    void formatsSmallFiguresWithDecimalsAndLargeOnesWithThousandSeparators() {
        assertThat(Report.format(java.util.Optional.of(0.4567), "ms")).isEqualTo("0.46 ms");
        assertThat(Report.format(java.util.Optional.of(12.34), "s")).isEqualTo("12.3 s");
        assertThat(Report.format(java.util.Optional.of(35012.3), "rec/s")).isEqualTo("35,012 rec/s");
        assertThat(Report.format(java.util.Optional.empty(), "s")).isEqualTo("not measured");
    }
}
