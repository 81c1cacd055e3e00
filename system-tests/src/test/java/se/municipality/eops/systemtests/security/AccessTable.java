package se.municipality.eops.systemtests.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import se.municipality.eops.systemtests.Service;

/**
 * {@code security/access-table.md}: one row per endpoint, the status each caller's token must get. The table is
 * Markdown so that it reads as the rules it states; this class only splits its cells.
 */
final class AccessTable {

    static final String RESOURCE = "/security/access-table.md";

    private static final List<String> FIXED_COLUMNS = List.of("service", "method", "path", "body");
    private static final String LAST_COLUMN = "allowed means";

    /**
     * One endpoint and what every caller gets from it.
     *
     * @param expected per caller, the statuses that are right (one, or two written {@code 200/409})
     */
    record Row(
            int line,
            Service service,
            HttpMethod method,
            String path,
            String body,
            Map<String, Set<Integer>> expected,
            String allowedMeans) {

        /** A Server-Sent Events stream: opened, its status read, closed. */
        boolean isStream() {
            return method == HttpMethod.GET && path.matches(".*/events(\\?.*)?");
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + service.artifact() + ")";
        }
    }

    private final List<String> callers;
    private final List<Row> rows;

    private AccessTable(List<String> callers, List<Row> rows) {
        this.callers = List.copyOf(callers);
        this.rows = List.copyOf(rows);
    }

    static AccessTable load() {
        try (InputStream in = AccessTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AccessTable parse(String markdown) {
        List<String> lines = markdown.lines().toList();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                if (!header.subList(0, FIXED_COLUMNS.size()).equals(FIXED_COLUMNS)
                        || !header.get(header.size() - 1).equals(LAST_COLUMN)) {
                    throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": the header must be " + FIXED_COLUMNS
                            + ", one column per caller, then '" + LAST_COLUMN + "'");
                }
                continue;
            }
            if (cells.stream().allMatch(cell -> cell.matches("-+"))) {
                continue;
            }
            rows.add(row(i + 1, header, cells));
        }
        if (header == null || rows.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no table");
        }
        return new AccessTable(header.subList(FIXED_COLUMNS.size(), header.size() - 1), rows);
    }

    /** The callers, in the table's column order. */
    List<String> callers() {
        return callers;
    }

    List<Row> rows() {
        return rows;
    }

    private static Row row(int line, List<String> header, List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalStateException(
                    RESOURCE + ":" + line + ": " + cells.size() + " cells, the header has " + header.size());
        }
        Map<String, Set<Integer>> expected = new LinkedHashMap<>();
        for (int column = FIXED_COLUMNS.size(); column < header.size() - 1; column++) {
            String cell = cells.get(column);
            try {
                expected.put(
                        header.get(column),
                        Arrays.stream(cell.split("/"))
                                .map(String::strip)
                                .map(Integer::valueOf)
                                .collect(Collectors.toCollection(LinkedHashSet::new)));
            } catch (NumberFormatException notAStatus) {
                throw new IllegalStateException(RESOURCE + ":" + line + ": '" + cell + "' under " + header.get(column)
                        + " is no status (write e.g. 403 or 200/409)");
            }
        }
        return new Row(
                line,
                Service.valueOf(cells.get(0).toUpperCase(Locale.ROOT)),
                HttpMethod.valueOf(cells.get(1)),
                cells.get(2),
                cells.get(3).isEmpty() ? null : cells.get(3),
                expected,
                cells.get(cells.size() - 1));
    }

    /** The cells of a Markdown table line; a cell may hold no {@code |} (JSON bodies here have none). */
    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
