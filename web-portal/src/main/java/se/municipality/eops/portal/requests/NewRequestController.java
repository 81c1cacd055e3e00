package se.municipality.eops.portal.requests;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.municipality.eops.portal.services.RequestServiceClient;
import se.municipality.eops.portal.services.ServiceProblem;
import se.municipality.eops.portal.web.FormErrors;

/** {@code /requests/new}: pick a type of request (from request-service's published types); a draft starts. */
@Controller
class NewRequestController {

    private final RequestServiceClient requests;

    NewRequestController(RequestServiceClient requests) {
        this.requests = requests;
    }

    @GetMapping("/requests/new")
    String picker(Model model) {
        return page(model, new FormErrors(), null);
    }

    @PostMapping("/requests/new")
    String start(
            @RequestParam(name = "type", required = false) String type, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        if (type == null || type.isBlank()) {
            errors.reject("type", "requests.new.type.required");
        } else {
            try {
                return "redirect:/drafts/" + requests.startDraft(type).id() + "/steps/1";
            } catch (ServiceProblem problem) {
                if (problem.status() == 404 || problem.status() == 401 || problem.status() == 403) {
                    throw problem;
                }
                errors.addAll(problem, field -> "type");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, errors, type);
    }

    private String page(Model model, FormErrors errors, String chosen) {
        model.addAttribute("types", requests.types());
        model.addAttribute("errors", errors);
        model.addAttribute("chosen", chosen);
        return "requests/new";
    }
}
