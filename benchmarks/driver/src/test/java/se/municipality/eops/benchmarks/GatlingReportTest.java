package se.municipality.eops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GatlingReportTest {

    @Test
    void readsTheAllRequestsRowOfAGatling315Report() throws IOException {
        String html;
        // The row as Gatling 3.15.1 wrote it in a benchmark run (3008 requests, 143.24/s, p50 145 ms, p99 968 ms).
        try (InputStream in = getClass().getResourceAsStream("/gatling-3.15-all-requests-row.html")) {
            html = "<table>" + new String(in.readAllBytes(), StandardCharsets.UTF_8) + "</table>";
        }

        GatlingRun.HttpFigures figures = GatlingRun.readReport(html);

        assertThat(figures.ok()).isEqualTo(3008);
        assertThat(figures.failed()).isZero();
        assertThat(figures.okPerSecond()).isEqualTo(143.24);
        assertThat(figures.p50Millis()).isEqualTo(145);
        assertThat(figures.p99Millis()).isEqualTo(968);
    }

    @Test
    void countsOnlyTheAnsweredShareOfTheRateWhenSomeFailed() {
        String row = "<tr id=\"ROOT\" ><td class=\"value total col-2\">1,000</td><td class=\"value ok col-3\">750</td>"
                + "<td class=\"value ko col-4\">250</td><td class=\"value total col-6\">100</td>"
                + "<td class=\"value total col-8\">20</td><td class=\"value total col-11\">90</td></tr>";

        GatlingRun.HttpFigures figures = GatlingRun.readReport(row);

        assertThat(figures.ok()).isEqualTo(750);
        assertThat(figures.failed()).isEqualTo(250);
        assertThat(figures.okPerSecond()).isEqualTo(75.0);
    }

    @Test
    void failsOnAReportWithoutTheRow() {
        assertThatThrownBy(() -> GatlingRun.readReport("<html></html>")).isInstanceOf(IllegalStateException.class);
    }
}
