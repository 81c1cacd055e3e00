package se.municipality.eops.portal.handlers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import se.municipality.eops.portal.services.PermissionServiceClient;
import se.municipality.eops.portal.services.ServiceProblem;
import se.municipality.eops.portal.web.FormErrors;
import se.municipality.eops.portal.web.PageNumbers;

/**
 * {@code GET /handlers?eServiceId=&q=&page=}: the search form, and once an e-service is given its handlers. A field
 * the service refuses comes back as an error next to it (and in the error summary), never as an error page.
 */
@Controller
class HandlerSearchController {

    private static final int PAGE_SIZE = 20;

    /** The form: the e-service (required to search), a part of a name, user id or e-mail, the page. */
    record Search(String eServiceId, String q, String page) {

        public int pageOrFirst() {
            return PageNumbers.orFirst(page);
        }
    }

    private final PermissionServiceClient permissions;

    HandlerSearchController(PermissionServiceClient permissions) {
        this.permissions = permissions;
    }

    @GetMapping("/handlers")
    String search(@ModelAttribute("search") Search search, Model model) {
        FormErrors errors = new FormErrors();
        model.addAttribute("errors", errors);
        if (search.eServiceId() == null) {
            return "handlers/search";
        }
        if (search.eServiceId().isBlank()) {
            errors.reject("eServiceId", "handlers.eServiceId.required");
            return "handlers/search";
        }
        try {
            model.addAttribute(
                    "result",
                    permissions.handlers(
                            search.eServiceId().strip(),
                            search.q() == null ? "" : search.q().strip(),
                            search.pageOrFirst(),
                            PAGE_SIZE));
        } catch (ServiceProblem problem) {
            if (problem.status() >= 500 || problem.fieldErrors().isEmpty() && problem.status() != 400) {
                throw problem;
            }
            errors.addAll(problem, field -> field.equals("q") ? "q" : "eServiceId");
        }
        return "handlers/search";
    }
}
