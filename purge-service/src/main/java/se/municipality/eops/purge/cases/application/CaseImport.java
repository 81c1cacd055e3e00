package se.municipality.eops.purge.cases.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import se.municipality.eops.purge.cases.domain.CaseIndex;
import se.municipality.eops.purge.cases.domain.IndexedCase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes an existing platform's backlog into the index: NDJSON, one case a line, {@code {"caseId", "eServiceId",
 * "submittedAt", "closedAt"?, "test", "caseType"?}}, written in batches with one bulk insert each. Cases already
 * indexed are skipped, so an import can be run again after a failure; cases a purge or the platform deleted are never
 * taken back.
 */
@Service
public class CaseImport {

    /** Cases per bulk insert: big enough that round trips do not count, small enough to bound memory. */
    public static final int BATCH = 10_000;

    private final CaseIndex index;
    private final CaseIndexing indexing;
    private final JsonMapper json = JsonMapper.builder().build();

    public CaseImport(CaseIndex index, CaseIndexing indexing) {
        this.index = index;
        this.indexing = indexing;
    }

    public record Result(long lines, long added) {}

    public Result importNdjson(InputStream ndjson) throws IOException {
        long lines = 0;
        long added = 0;
        Set<String> gone = index.goneCaseIds();
        List<IndexedCase> batch = new ArrayList<>(BATCH);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                batch.add(parse(line, lines));
                if (batch.size() == BATCH) {
                    added += write(batch, gone);
                    batch.clear();
                }
            }
        }
        added += write(batch, gone);
        return new Result(lines, added);
    }

    /** Imports cases already in memory (a topic replay or a generated backlog), in bulk batches. */
    public long importAll(List<IndexedCase> cases) {
        long added = 0;
        Set<String> gone = index.goneCaseIds();
        for (int from = 0; from < cases.size(); from += BATCH) {
            added += write(cases.subList(from, Math.min(cases.size(), from + BATCH)), gone);
        }
        return added;
    }

    private long write(List<IndexedCase> batch, Set<String> gone) {
        long added = index.importAll(batch, gone);
        indexing.countImported(added);
        return added;
    }

    private IndexedCase parse(String line, long number) {
        try {
            JsonNode node = json.readTree(line);
            return new IndexedCase(
                    required(node, "caseId"),
                    required(node, "eServiceId"),
                    Instant.parse(required(node, "submittedAt")),
                    node.hasNonNull("closedAt")
                            ? Instant.parse(node.get("closedAt").asString())
                            : null,
                    node.path("test").asBoolean(false),
                    node.hasNonNull("caseType") ? node.get("caseType").asString() : null);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("line " + number + " is no case: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field) {
        if (!node.hasNonNull(field) || node.get(field).asString().isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return node.get(field).asString();
    }
}
