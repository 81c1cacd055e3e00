package se.municipality.eops.portal.team;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.municipality.eops.portal.services.PurgeServiceClient;
import se.municipality.eops.portal.services.ServiceProblem;
import se.municipality.eops.portal.web.FormErrors;
import se.municipality.eops.portal.web.Refusals;

/**
 * {@code /team/legal-holds}: every legal hold (a case or a whole e-service kept out of every purge, also of plans
 * made before), a form to place one and a button per hold to lift it.
 */
@Controller
class LegalHoldsController {

    static final List<String> TARGETS = List.of("CASE", "ESERVICE");

    /** Place a hold: on a case or an e-service, its id, why. */
    record HoldForm(String target, String targetId, String reason) {

        static HoldForm empty() {
            return new HoldForm("CASE", null, null);
        }
    }

    /** Lift a hold: which one. */
    /** The hold to lift, and its target's id for the notice. */
    record LiftForm(String holdId, String targetId) {}

    private final PurgeServiceClient purge;

    LegalHoldsController(PurgeServiceClient purge) {
        this.purge = purge;
    }

    @GetMapping("/team/legal-holds")
    String holds(Model model) {
        return page(HoldForm.empty(), new FormErrors(), model);
    }

    @PostMapping("/team/legal-holds")
    String place(@ModelAttribute("form") HoldForm form, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        String target = TARGETS.contains(form.target()) ? form.target() : "CASE";
        String targetId = TeamRequestsController.blankToNull(form.targetId());
        // The service names a missing id caseId or eServiceId, whichever the form's target is.
        boolean placed = Refusals.accepted(
                () -> purge.placeLegalHold(target, targetId, form.reason()), errors, field -> switch (field) {
                    case "caseId", "eServiceId" -> "targetId";
                    case "reason" -> "reason";
                    default -> null;
                });
        if (placed) {
            redirect.addFlashAttribute("notice", "team.holds.placed");
            redirect.addFlashAttribute("noticeArgument", targetId);
            return "redirect:/team/legal-holds";
        }
        return page(form, errors, model);
    }

    @PostMapping("/team/legal-holds/lift")
    String lift(LiftForm form, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        try {
            purge.liftLegalHold(form.holdId());
            redirect.addFlashAttribute("notice", "team.holds.lifted");
            redirect.addFlashAttribute("noticeArgument", form.targetId());
            return "redirect:/team/legal-holds";
        } catch (ServiceProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
            // Lifted by someone else in the meantime: the list shows how things stand now.
            errors.general("team.holds.notHeld", null);
        }
        return page(HoldForm.empty(), errors, model);
    }

    private String page(HoldForm form, FormErrors errors, Model model) {
        model.addAttribute("holds", Refusals.forPage(purge::legalHolds, errors));
        model.addAttribute("targets", TARGETS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "team/legal-holds";
    }
}
