package se.municipality.eops.portal.requests;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.municipality.eops.portal.layout.PortalTime;
import se.municipality.eops.portal.services.RequestServiceClient;
import se.municipality.eops.portal.services.ServiceProblem;
import se.municipality.eops.portal.web.FormErrors;
import se.municipality.eops.portal.web.RequestContent;

/**
 * {@code /requests}: my requests with their status; {@code /requests/{id}}: one, with its timeline (kept live by
 * {@code js/request-live.js} from {@link LiveTimeline}'s stream; a reload shows the same), withdraw and comment.
 */
@Controller
class MyRequestsController {

    static final Set<String> ENDED = Set.of("COMPLETED", "REJECTED", "WITHDRAWN", "FAILED");
    private static final int MINE = 50;
    private static final int MAX_TEXT = 4000;

    private final RequestServiceClient requests;
    private final PortalTime times;

    MyRequestsController(RequestServiceClient requests, PortalTime times) {
        this.requests = requests;
        this.times = times;
    }

    @GetMapping("/requests")
    String mine(Model model) {
        model.addAttribute("requests", requests.mine(MINE));
        return "requests/mine";
    }

    @GetMapping("/requests/{id}")
    String request(@PathVariable String id, Model model) {
        return page(id, model, new FormErrors());
    }

    /**
     * The live parts of the page (the timeline and how the request ended: outcome, rejection, failure), for the
     * page's script to refresh them after an event.
     */
    @GetMapping("/requests/{id}/timeline")
    String timeline(@PathVariable String id, Model model) {
        RequestServiceClient.Request request = requests.request(id);
        model.addAttribute("request", request);
        model.addAttribute("lastSequence", lastSequence(request));
        return "requests/live";
    }

    @PostMapping("/requests/{id}/withdrawal")
    String withdraw(
            @PathVariable String id,
            @RequestParam(name = "reason", required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String tooLong = reason != null && reason.length() > MAX_TEXT ? "requests.detail.text.tooLong" : null;
        Action withdrawal = new Action("reason", reason, tooLong, "requests.detail.withdrawn");
        return act(id, withdrawal, () -> requests.withdraw(id, reason), model, response, redirect);
    }

    @PostMapping("/requests/{id}/comments")
    String comment(
            @PathVariable String id,
            @RequestParam(name = "comment", required = false) String text,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String invalid = text == null || text.isBlank()
                ? "requests.detail.comment.required"
                : text.length() > MAX_TEXT ? "requests.detail.text.tooLong" : null;
        Action comment = new Action("comment", text, invalid, "requests.detail.commented");
        return act(id, comment, () -> requests.comment(id, text), model, response, redirect);
    }

    /** A form on the request's page: its one input, what it holds, our own check's message key, the notice. */
    private record Action(String input, String value, String invalidKey, String noticeKey) {}

    /**
     * Does {@code call} unless our own check refused the input; then back to the request's page with the notice,
     * or the page again with the error next to the input (and the text kept) when the check or the service refused.
     */
    private String act(
            String id,
            Action action,
            Runnable call,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        if (action.invalidKey() != null) {
            errors.reject(action.input(), action.invalidKey());
        } else {
            try {
                call.run();
                redirect.addFlashAttribute("notice", action.noticeKey());
                return "redirect:/requests/" + id;
            } catch (ServiceProblem problem) {
                refusedOrThrow(problem, errors, action.input());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute(action.input(), action.value());
        return page(id, model, errors);
    }

    /** A refusal the form can show (a field error, an ended request's 409); anything else goes to the error pages. */
    private static void refusedOrThrow(ServiceProblem problem, FormErrors errors, String input) {
        if (problem.status() == 404 || problem.status() == 401 || problem.status() == 403) {
            throw problem;
        }
        if (problem.status() == 409 && problem.fieldErrors().isEmpty()) {
            errors.general("requests.detail.ended", null);
            return;
        }
        errors.addAll(problem, field -> input);
    }

    private String page(String id, Model model, FormErrors errors) {
        RequestServiceClient.Request request = requests.request(id);
        model.addAttribute("request", request);
        model.addAttribute("requestContent", RequestContent.of(request, times::format));
        model.addAttribute("open", !ENDED.contains(request.status()));
        model.addAttribute("errors", errors);
        model.addAttribute("lastSequence", lastSequence(request));
        return "requests/detail";
    }

    private static int lastSequence(RequestServiceClient.Request request) {
        List<RequestServiceClient.TimelineEntry> timeline = request.timeline() == null ? List.of() : request.timeline();
        return timeline.stream()
                .mapToInt(RequestServiceClient.TimelineEntry::sequence)
                .max()
                .orElse(0);
    }
}
