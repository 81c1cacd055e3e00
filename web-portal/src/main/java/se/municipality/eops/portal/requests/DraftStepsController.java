package se.municipality.eops.portal.requests;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.municipality.eops.portal.layout.PortalTime;
import se.municipality.eops.portal.services.PublicationServiceClient;
import se.municipality.eops.portal.services.RequestServiceClient;
import se.municipality.eops.portal.services.RequestServiceClient.Draft;
import se.municipality.eops.portal.services.RequestServiceClient.Step;
import se.municipality.eops.portal.services.ServiceProblem;
import se.municipality.eops.portal.services.ServiceUnavailable;
import se.municipality.eops.portal.web.FormErrors;

/**
 * {@code /drafts/{id}/steps/{n}}: the steps request-service publishes for the draft's type, 1 to N, then a summary
 * (N + 1). Next saves the step (request-service judges it; its field errors come back next to the inputs and in the
 * error summary, nothing saved); Previous saves it when it is valid and goes back either way. The draft lives in
 * request-service, so a reload (or another day) shows what was saved. Submit files it once: the summary's hidden
 * idempotency key is remembered in the session with the request it filed, and request-service files a draft once.
 */
@Controller
class DraftStepsController {

    static final String SUBMITTED_KEYS = DraftStepsController.class.getName() + ".submitted";

    private final RequestServiceClient requests;
    private final PublicationServiceClient publication;
    private final MessageSource messages;
    private final PortalTime times;

    DraftStepsController(
            RequestServiceClient requests,
            PublicationServiceClient publication,
            MessageSource messages,
            PortalTime times) {
        this.requests = requests;
        this.publication = publication;
        this.messages = messages;
        this.times = times;
    }

    @GetMapping("/drafts/{id}/steps/{n}")
    String step(@PathVariable String id, @PathVariable int n, Model model, Locale locale) {
        Draft draft = requests.draft(id);
        if (draft.submittedRequestId() != null) {
            return "redirect:/requests/" + draft.submittedRequestId();
        }
        List<Step> steps = stepsOf(draft);
        if (n < 1 || n > steps.size() + 1) {
            throw new ServiceProblem("portal", 404, null, null, null, List.of());
        }
        Map<String, String> values = StepForm.valuesOf(detailsName(draft), draft.details());
        return render(model, locale, draft, steps, n, values, 0, new FormErrors());
    }

    @PostMapping("/drafts/{id}/steps/{n}")
    String save(
            @PathVariable String id,
            @PathVariable int n,
            @RequestParam Map<String, String> form,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Draft draft = requests.draft(id);
        List<Step> steps = stepsOf(draft);
        if (n < 1 || n > steps.size()) {
            throw new ServiceProblem("portal", 404, null, null, null, List.of());
        }
        Step step = steps.get(n - 1);
        String action = form.getOrDefault("action", "next");
        StepForm stepForm = stepForm(locale);
        List<PublicationServiceClient.ChecklistItem> checklist = checklistFor(step);
        if (action.equals("add-row")) {
            return render(model, locale, draft, steps, n, form, 1, new FormErrors());
        }
        FormErrors errors = new FormErrors();
        try {
            requests.saveStep(id, step.id(), stepForm.body(step, form, checklist));
            if (action.equals("previous")) {
                return "redirect:/drafts/" + id + "/steps/" + Math.max(n - 1, 1);
            }
            return "redirect:/drafts/" + id + "/steps/" + (n + 1);
        } catch (ServiceProblem problem) {
            if (problem.status() == 404 || problem.status() == 410 || problem.status() == 401) {
                throw problem;
            }
            if (action.equals("previous")) {
                return "redirect:/drafts/" + id + "/steps/" + Math.max(n - 1, 1);
            }
            Set<String> inputs = inputIds(stepForm.inputs(step, form, checklist, 0));
            problem.fieldErrors().forEach(error -> {
                String input = closestInput(error.field(), inputs);
                if (input != null) {
                    errors.reject(input, error);
                } else {
                    errors.general(error);
                }
            });
            if (problem.fieldErrors().isEmpty()) {
                errors.general("error.problem.generic", problem.detail());
            }
        } catch (ServiceUnavailable down) {
            errors.general("steps.unavailable", null);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return render(model, locale, draft, steps, n, form, 0, errors);
    }

    @PostMapping("/drafts/{id}/submit")
    String submit(
            @PathVariable String id,
            @RequestParam(name = "idempotencyKey", required = false) String key,
            HttpSession session,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> submitted = submittedKeys(session);
        if (key != null && submitted.containsKey(key)) {
            return "redirect:/requests/" + submitted.get(key);
        }
        Draft draft = requests.draft(id);
        if (draft.submittedRequestId() != null) {
            return "redirect:/requests/" + draft.submittedRequestId();
        }
        List<Step> steps = stepsOf(draft);
        FormErrors errors = new FormErrors();
        try {
            RequestServiceClient.Submitted filed = requests.submit(id, key == null ? "draft:" + id : key);
            if (key != null) {
                submitted.put(key, filed.requestId());
            }
            redirect.addFlashAttribute("notice", "requests.detail.filed");
            return "redirect:/requests/" + filed.requestId();
        } catch (ServiceProblem problem) {
            if (problem.status() == 409) {
                Draft now = requests.draft(id);
                if (now.submittedRequestId() != null) {
                    return "redirect:/requests/" + now.submittedRequestId();
                }
            }
            if (problem.status() == 404 || problem.status() == 410 || problem.status() == 401) {
                throw problem;
            }
            String stepId = problem.step().orElse(null);
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).id().equals(stepId)) {
                    model.addAttribute("incompleteStep", i + 1);
                }
            }
            // Each error beside the summary's entry it belongs to, in the person's language when the service named
            // its kind (the summary shows each step's inputs, not their nested parts).
            StepForm stepForm = stepForm(locale);
            Map<String, String> values = StepForm.valuesOf(detailsName(draft), draft.details());
            Set<String> shown = new HashSet<>();
            for (Step step : steps) {
                stepForm.inputs(step, values, checklistFor(step), 0).forEach(input -> shown.add(input.id()));
            }
            problem.fieldErrors().forEach(error -> {
                String input = closestInput(error.field(), shown);
                if (input != null) {
                    errors.reject(input, error);
                } else {
                    errors.general(error);
                }
            });
            if (problem.fieldErrors().isEmpty()) {
                errors.general("error.problem.generic", problem.detail());
            }
        } catch (ServiceUnavailable down) {
            errors.general("steps.unavailable", null);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Map<String, String> values = StepForm.valuesOf(detailsName(draft), draft.details());
        return render(model, locale, draft, steps, steps.size() + 1, values, 0, errors);
    }

    private String render(
            Model model,
            Locale locale,
            Draft draft,
            List<Step> steps,
            int n,
            Map<String, String> values,
            int extraRows,
            FormErrors errors) {
        StepForm stepForm = stepForm(locale);
        model.addAttribute("draft", draft);
        model.addAttribute("typeLabel", typeLabel(draft, locale));
        model.addAttribute(
                "stepLabels", steps.stream().map(s -> s.label().in(locale)).toList());
        model.addAttribute("n", n);
        model.addAttribute("last", steps.size() + 1);
        model.addAttribute("errors", errors);
        model.addAttribute("expiresAt", draft.expiresAt());
        if (n <= steps.size()) {
            Step step = steps.get(n - 1);
            model.addAttribute("step", step);
            model.addAttribute("stepLabel", step.label().in(locale));
            model.addAttribute(
                    "rules",
                    step.rules() == null
                            ? List.of()
                            : step.rules().stream().map(r -> r.in(locale)).toList());
            model.addAttribute("inputs", stepForm.inputs(step, values, checklistFor(step), extraRows));
            model.addAttribute("checksPending", !draft.checksPending().isEmpty());
            return "requests/step";
        }
        Map<String, List<StepForm.Input>> summary = new LinkedHashMap<>();
        for (Step step : steps) {
            summary.put(step.label().in(locale), stepForm.inputs(step, values, checklistFor(step), 0));
        }
        model.addAttribute("summary", summary);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "requests/summary";
    }

    private List<Step> stepsOf(Draft draft) {
        return requests.types().stream()
                .filter(type -> type.type().equals(draft.type()))
                .findFirst()
                .orElseThrow(() -> new ServiceProblem("request", 404, null, null, null, List.of()))
                .steps();
    }

    private String typeLabel(Draft draft, Locale locale) {
        return requests.types().stream()
                .filter(type -> type.type().equals(draft.type()))
                .findFirst()
                .map(type -> type.label().in(locale))
                .orElse(draft.type());
    }

    private List<PublicationServiceClient.ChecklistItem> checklistFor(Step step) {
        boolean hasChecklist = step.fields().stream().anyMatch(f -> f.name().equals(StepForm.CHECKLIST));
        return hasChecklist ? publication.checklist().items() : List.of();
    }

    private StepForm stepForm(Locale locale) {
        return new StepForm(
                locale,
                times.zone(),
                key -> messages.getMessage(key, null, key.substring(key.lastIndexOf('.') + 1), locale));
    }

    private static String detailsName(Draft draft) {
        return draft.type().toLowerCase(Locale.ROOT);
    }

    /** The input an API field error belongs to: itself, else the nearest enclosing group shown; null if none. */
    static String closestInput(String field, Set<String> inputs) {
        String at = field;
        while (at != null && !at.isEmpty()) {
            if (inputs.contains(at)) {
                return at;
            }
            int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
            at = cut > 0 ? at.substring(0, cut) : null;
        }
        return null;
    }

    private static Set<String> inputIds(List<StepForm.Input> inputs) {
        Set<String> ids = new HashSet<>();
        for (StepForm.Input input : inputs) {
            ids.add(input.id());
            ids.addAll(inputIds(input.children()));
            input.rows().forEach(row -> ids.addAll(inputIds(row)));
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> submittedKeys(HttpSession session) {
        Object keys = session.getAttribute(SUBMITTED_KEYS);
        if (keys == null) {
            keys = new ConcurrentHashMap<String, String>();
            session.setAttribute(SUBMITTED_KEYS, keys);
        }
        return (Map<String, String>) keys;
    }
}
