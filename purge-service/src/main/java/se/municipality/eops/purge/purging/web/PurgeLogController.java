package se.municipality.eops.purge.purging.web;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.purge.purging.domain.PurgeLog;
import se.municipality.eops.purge.purging.domain.PurgeLogEntry;

/** The purge log, as JSON and as CSV for the archive authority. */
@RestController
@RequestMapping("/api/purge-log")
@PreAuthorize("hasAnyRole('CENTRAL_TEAM', 'ARCHIVIST')")
class PurgeLogController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final PurgeLog purgeLog;

    PurgeLogController(PurgeLog purgeLog) {
        this.purgeLog = purgeLog;
    }

    @GetMapping
    List<PurgeLogEntry> all() {
        return purgeLog.all();
    }

    @GetMapping(path = "/export.csv")
    ResponseEntity<String> csv() {
        String header = String.join(
                ",",
                "purgeId",
                "reason",
                "eServiceId",
                "ruleId",
                "ruleVersion",
                "committee",
                "planRowReference",
                "decisionReference",
                "decisionDate",
                "requestId",
                "reviewId",
                "purgedCount",
                "heldBackCount",
                "deletedByPlatformCount",
                "batchCount",
                "oldestDue",
                "newestDue",
                "createdBy",
                "approvedBy",
                "startedAt",
                "finishedAt");
        String rows = purgeLog.all().stream().map(PurgeLogController::row).collect(Collectors.joining("\r\n"));
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gallringslogg.csv\"")
                .body(header + "\r\n" + rows + (rows.isEmpty() ? "" : "\r\n"));
    }

    private static String row(PurgeLogEntry entry) {
        return Stream.of(
                        entry.purgeId(),
                        entry.reason(),
                        entry.eServiceId(),
                        entry.ruleId(),
                        entry.ruleVersion(),
                        entry.committee(),
                        entry.planRowReference(),
                        entry.decisionReference(),
                        entry.decisionDate(),
                        entry.requestId(),
                        entry.reviewId(),
                        entry.purgedCount(),
                        entry.heldBackCount(),
                        entry.deletedByPlatformCount(),
                        entry.batchCount(),
                        entry.oldestDue(),
                        entry.newestDue(),
                        entry.createdBy(),
                        entry.approvedBy(),
                        entry.startedAt(),
                        entry.finishedAt())
                .map(PurgeLogController::field)
                .collect(Collectors.joining(","));
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
