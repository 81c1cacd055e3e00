package se.municipality.eops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaToolOutputTest {

    @Test
    void readsTheSummaryOfProducerPerformanceNotItsProgressLines() {
        String output = """
                52345 records sent, 10469.0 records/sec (9.98 MB/sec), 1500.2 ms avg latency, 2100.0 ms max latency.
                200000 records sent, 35012.3 records/sec (33.39 MB/sec), 812.45 ms avg latency, 2300.00 ms max latency, \
                790 ms 50th, 1500 ms 95th, 1900 ms 99th, 2200 ms 99.9th.
                """;

        var figures = KafkaToolOutput.producerPerformance(output);

        assertThat(figures)
                .containsEntry("records", 200000.0)
                .containsEntry("per_second", 35012.3)
                .containsEntry("p50_ms", 790.0)
                .containsEntry("p99_ms", 1900.0);
    }

    @Test
    void readsTheMillisecondPercentilesOfEndToEndLatency() {
        String output = """
                0\t3.21
                1000\t0.92
                Avg latency: 0.8123 ms
                Percentiles: 50th = 0, 99th = 6, 99.9th = 11
                """;

        var figures = KafkaToolOutput.endToEndLatency(output);

        assertThat(figures)
                .containsEntry("p50_ms", 0.0)
                .containsEntry("p99_ms", 6.0)
                .containsEntry("avg_ms", 0.8123);
    }

    @Test
    void readsNothingFromAFailedTool() {
        assertThat(KafkaToolOutput.producerPerformance("Exception in thread main"))
                .isEmpty();
        assertThat(KafkaToolOutput.endToEndLatency("")).isEmpty();
    }
}
