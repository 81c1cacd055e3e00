package se.municipality.eops.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's rows as an aligned text table (for the terminal) and as a Markdown table (for the README). */
final class Table {

    static final String[] HEADER = {"figure", "measured", "baseline, same run", "ratio", "target", "met"};

    private Table() {}

    static List<String[]> cells(List<Report.Row> rows) {
        List<String[]> cells = new ArrayList<>();
        for (Report.Row row : rows) {
            cells.add(new String[] {
                row.figure(),
                row.measured(),
                row.baseline(),
                row.ratio()
                        .map(ratio -> String.format(Locale.ROOT, "%.2f×", ratio))
                        .orElse("—"),
                row.target(),
                row.met()
            });
        }
        return cells;
    }

    static String text(List<Report.Row> rows) {
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(cells(rows));
        int[] widths = new int[HEADER.length];
        for (String[] line : all) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < all.size(); n++) {
            String[] line = all.get(n);
            for (int i = 0; i < line.length; i++) {
                out.append(i == 0 ? "" : "  ").append(pad(line[i], widths[i]));
            }
            out.append('\n');
            if (n == 0) {
                for (int i = 0; i < widths.length; i++) {
                    out.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
                }
                out.append('\n');
            }
        }
        return out.toString().replaceAll(" +\n", "\n");
    }

    static String markdown(List<Report.Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        out.append("|---".repeat(HEADER.length)).append("|\n");
        for (String[] line : cells(rows)) {
            out.append("| ");
            for (int i = 0; i < line.length; i++) {
                String cell = line[i].replace("|", "\\|");
                out.append(i == 0 ? "" : " | ")
                        .append(i == line.length - 1 && cell.equals("NOT met") ? "**NOT met**" : cell);
            }
            out.append(" |\n");
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
