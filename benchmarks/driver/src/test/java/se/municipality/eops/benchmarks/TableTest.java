package se.municipality.eops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableTest {

    private final List<Report.Row> rows = List.of(
            new Report.Row("intake: p99", "150 ms", "raw: 100 ms", Optional.of(1.5), "≤ 2×", "met"),
            new Report.Row("a | b", "1 s", "—", Optional.empty(), "≥ 200/s", "NOT met"));

    @Test
    void alignsTheTextTableInColumns() {
        List<String> lines = Table.text(rows).lines().toList();

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("figure       measured");
        assertThat(lines.get(2).indexOf("150 ms")).isEqualTo(lines.get(0).indexOf("measured"));
        assertThat(lines.get(2)).contains("1.50×");
        assertThat(lines.get(3)).contains("—");
    }

    @Test
    void writesMarkdownWithEscapedPipesAndMissedTargetsInBold() {
        List<String> lines = Table.markdown(rows).lines().toList();

        assertThat(lines.get(0)).isEqualTo("| figure | measured | baseline, same run | ratio | target | met |");
        assertThat(lines.get(1)).isEqualTo("|---|---|---|---|---|---|");
        assertThat(lines.get(2)).isEqualTo("| intake: p99 | 150 ms | raw: 100 ms | 1.50× | ≤ 2× | met |");
        assertThat(lines.get(3)).isEqualTo("| a \\| b | 1 s | — | — | ≥ 200/s | **NOT met** |");
    }
}
