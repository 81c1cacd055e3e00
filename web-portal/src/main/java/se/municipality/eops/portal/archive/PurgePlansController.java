package se.municipality.eops.portal.archive;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.municipality.eops.portal.services.PurgeServiceClient;
import se.municipality.eops.portal.services.ServiceProblem;
import se.municipality.eops.portal.web.FormErrors;
import se.municipality.eops.portal.web.Refusals;

/**
 * {@code /purges}: the latest purges and plans, and a form to make a retention plan from a rule; {@code
 * /purges/{id}}: a plan's preview and, for an archivist who did not make it, {@code #approve}. The service keeps the
 * four-eyes rule; the page only leaves out a button that could not work, and shows the service's refusal (403 own
 * plan, 409 no longer waiting) as a message when the approval is sent anyway.
 */
@Controller
class PurgePlansController {

    /** Make a plan: the rule it applies. */
    record PlanForm(String ruleId) {}

    private final PurgeServiceClient purge;

    PurgePlansController(PurgeServiceClient purge) {
        this.purge = purge;
    }

    @GetMapping("/purges")
    String plans(Model model) {
        return list(new PlanForm(null), new FormErrors(), model);
    }

    @PostMapping("/purges/plans")
    String plan(PlanForm form, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        try {
            PurgeServiceClient.Purge plan =
                    purge.planRule(form.ruleId() == null ? null : form.ruleId().strip());
            redirect.addFlashAttribute("notice", "archive.plan.made");
            return "redirect:/purges/" + plan.purgeId();
        } catch (ServiceProblem problem) {
            // A rule that does not exist is the form's mistake, not a missing page.
            if (problem.status() == 404) {
                errors.reject("ruleId", "archive.plan.ruleId.unknown");
            } else {
                Refusals.show(problem, errors, field -> field.equals("ruleId") ? "ruleId" : null);
            }
        }
        return list(form, errors, model);
    }

    @GetMapping("/purges/{purgeId}")
    String plan(@PathVariable String purgeId, Principal me, Model model) {
        return page(purge.purge(purgeId), me, new FormErrors(), model);
    }

    @PostMapping("/purges/{purgeId}/approval")
    String approve(@PathVariable String purgeId, Principal me, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        try {
            purge.approve(purgeId);
            redirect.addFlashAttribute("notice", "archive.plan.approved");
            return "redirect:/purges/" + purgeId;
        } catch (ServiceProblem problem) {
            switch (problem.status()) {
                case 403 -> errors.general("archive.approve.forbidden", null);
                case 409 -> errors.general("archive.approve.conflict", null);
                default -> Refusals.show(problem, errors, field -> null);
            }
        }
        return page(purge.purge(purgeId), me, errors, model);
    }

    private String list(PlanForm form, FormErrors errors, Model model) {
        model.addAttribute("purges", Refusals.forPage(purge::purges, errors));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "archive/purges";
    }

    private String page(PurgeServiceClient.Purge plan, Principal me, FormErrors errors, Model model) {
        boolean mine = me.getName().equalsIgnoreCase(plan.createdBy());
        model.addAttribute("plan", plan);
        model.addAttribute("mine", mine);
        model.addAttribute("mayApprove", plan.awaitingApproval() && !mine);
        model.addAttribute("errors", errors);
        return "archive/purge";
    }
}
