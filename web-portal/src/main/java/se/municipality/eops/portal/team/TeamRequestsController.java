package se.municipality.eops.portal.team;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import se.municipality.eops.portal.layout.PortalTime;
import se.municipality.eops.portal.services.RequestServiceClient;
import se.municipality.eops.portal.web.FormErrors;
import se.municipality.eops.portal.web.PageNumbers;
import se.municipality.eops.portal.web.Refusals;
import se.municipality.eops.portal.web.RequestContent;

/**
 * {@code /team/requests}: the queue, filtered by status, type, e-service and overdue, paged; {@code
 * /team/requests/{id}}: one request with its timeline and the team's three actions (reject with a reason, assign,
 * comment), each a form that comes back with the service's refusal next to its field.
 */
@Controller
class TeamRequestsController {

    static final int PAGE_SIZE = 20;
    static final List<String> STATUSES = List.of(
            "SUBMITTED",
            "IN_PROGRESS",
            "WAITING_FOR_REVIEW",
            "WAITING_FOR_TRAINING",
            "WAITING_FOR_PURGE_APPROVAL",
            "COMPLETED",
            "REJECTED",
            "WITHDRAWN",
            "FAILED");
    static final List<String> TYPES = List.of("PUBLICATION", "PURGE", "PERMISSION");
    private static final Set<String> FILTERS = Set.of("status", "type", "eServiceId", "overdue");

    /** The queue's filters as the form sends them; blank means "any". */
    record Filter(String status, String type, String eServiceId, String overdue, String page) {

        /** The page asked for; one that is no number ({@code ?page=abc}, a hand-made link) is the first. */
        int pageOrFirst() {
            return PageNumbers.orFirst(page);
        }

        public boolean overdueOnly() {
            return "true".equalsIgnoreCase(overdue) || "on".equalsIgnoreCase(overdue);
        }

        /** The queue's address for {@code page} with only the filters that are set (no {@code ?status&type…}). */
        public String linkTo(int page) {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath("/team/requests");
            if (blankToNull(status) != null) {
                link.queryParam("status", blankToNull(status));
            }
            if (blankToNull(type) != null) {
                link.queryParam("type", blankToNull(type));
            }
            if (blankToNull(eServiceId) != null) {
                link.queryParam("eServiceId", blankToNull(eServiceId));
            }
            if (overdueOnly()) {
                link.queryParam("overdue", true);
            }
            return link.queryParam("page", page).encode().build().toUriString();
        }

        RequestServiceClient.TeamFilter toService() {
            return onPage(pageOrFirst());
        }

        RequestServiceClient.TeamFilter onPage(int page) {
            return new RequestServiceClient.TeamFilter(
                    blankToNull(status),
                    blankToNull(type),
                    blankToNull(eServiceId),
                    overdueOnly() ? Boolean.TRUE : null,
                    page,
                    PAGE_SIZE);
        }
    }

    /** The desk page's three forms share one object: each sends only its own field. */
    record DeskForm(String reason, String assignee, String text) {

        static DeskForm empty() {
            return new DeskForm(null, null, null);
        }
    }

    private final RequestServiceClient requests;
    private final PortalTime times;

    TeamRequestsController(RequestServiceClient requests, PortalTime times) {
        this.requests = requests;
        this.times = times;
    }

    /** The queue. A page number that is none ({@code ?page=abc}) is the first page, one past the end the last. */
    @GetMapping("/team/requests")
    String queue(@ModelAttribute("filter") Filter filter, Model model) {
        FormErrors errors = new FormErrors();
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("types", TYPES);
        UnaryOperator<String> inputOf = field -> FILTERS.contains(field) ? field : null;
        Refusals.answer(() -> requests.teamQueue(filter.toService()), errors, inputOf)
                .map(page -> page.page() >= page.totalPages() && page.totalPages() > 0
                        ? requests.teamQueue(filter.onPage((int) page.totalPages() - 1))
                        : page)
                .ifPresent(page -> model.addAttribute("result", page));
        return "team/requests";
    }

    @GetMapping("/team/requests/{id}")
    String request(@PathVariable String id, Model model) {
        return desk(id, DeskForm.empty(), new FormErrors(), model);
    }

    @PostMapping("/team/requests/{id}/rejection")
    String reject(@PathVariable String id, DeskForm form, Model model, RedirectAttributes redirect) {
        return act(
                id, form, "reason", () -> requests.reject(id, form.reason()), "team.request.rejected", model, redirect);
    }

    @PostMapping("/team/requests/{id}/assignment")
    String assign(@PathVariable String id, DeskForm form, Model model, RedirectAttributes redirect) {
        String assignee = form.assignee() == null ? null : form.assignee().strip();
        return act(id, form, "assignee", () -> requests.assign(id, assignee), "team.request.assigned", model, redirect);
    }

    @PostMapping("/team/requests/{id}/comments")
    String comment(@PathVariable String id, DeskForm form, Model model, RedirectAttributes redirect) {
        return act(
                id, form, "text", () -> requests.comment(id, form.text()), "team.request.commented", model, redirect);
    }

    /** One of the desk's actions: back to the request with a notice, or the desk again with the refusal at {@code input}. */
    private String act(
            String id,
            DeskForm form,
            String input,
            Runnable action,
            String notice,
            Model model,
            RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        if (Refusals.accepted(action, errors, field -> field.equals(input) ? input : null)) {
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/team/requests/" + id;
        }
        return desk(id, form, errors, model);
    }

    private String desk(String id, DeskForm form, FormErrors errors, Model model) {
        RequestServiceClient.Request request = requests.request(id);
        model.addAttribute("request", request);
        model.addAttribute("requestContent", RequestContent.of(request, times::format));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "team/request";
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
