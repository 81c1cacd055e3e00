package se.municipality.eops.portal.archive;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.municipality.eops.portal.services.PurgeServiceClient;

/**
 * {@code /purge-log}: every purge that happened (when, which rule and decision, how many; no personal data) and
 * {@code /purge-log/export.csv}: purge-service's CSV for the archive authority, streamed through with the person's
 * token (the browser never holds one).
 */
@Controller
class PurgeLogController {

    private final PurgeServiceClient purge;

    PurgeLogController(PurgeServiceClient purge) {
        this.purge = purge;
    }

    @GetMapping("/purge-log")
    String log(Model model) {
        model.addAttribute("entries", purge.purgeLog());
        return "archive/purge-log";
    }

    @GetMapping("/purge-log/export.csv")
    void export(HttpServletResponse response) {
        purge.exportPurgeLog(() -> {
            response.setContentType("text/csv");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gallringslogg.csv\"");
            return response.getOutputStream();
        });
    }
}
