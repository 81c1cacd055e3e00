package se.municipality.eops.portal.reviews;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.municipality.eops.portal.layout.PortalTime;
import se.municipality.eops.portal.services.PublicationServiceClient;
import se.municipality.eops.portal.web.FormErrors;
import se.municipality.eops.portal.web.Refusals;

/**
 * {@code /reviews/delegation}: the delegations I gave or got, and a form to let another reviewer decide for me while
 * I am away. People think in days: from the start of the first day until the end of the last, in Stockholm time
 * (the service takes instants, {@code until} exclusive).
 */
@Controller
class DelegationController {

    /** Whom, from which day, to which day (both included). */
    record DelegationForm(String delegateId, String from, String until) {

        static DelegationForm empty() {
            return new DelegationForm(null, null, null);
        }
    }

    private final PublicationServiceClient publication;
    private final ZoneId zone;

    DelegationController(PublicationServiceClient publication, PortalTime times) {
        this.publication = publication;
        this.zone = times.zone();
    }

    @GetMapping("/reviews/delegation")
    String delegations(Model model) {
        return page(DelegationForm.empty(), new FormErrors(), model);
    }

    @PostMapping("/reviews/delegation")
    String delegate(@ModelAttribute("form") DelegationForm form, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        LocalDate from = day(form.from(), "from", errors);
        LocalDate until = day(form.until(), "until", errors);
        if (errors.any()) {
            return page(form, errors, model);
        }
        boolean delegated = Refusals.accepted(
                () -> publication.delegate(
                        ReviewsController.blankToNull(form.delegateId()),
                        from == null ? null : from.atStartOfDay(zone).toInstant(),
                        until == null
                                ? null
                                : until.plusDays(1).atStartOfDay(zone).toInstant()),
                errors,
                field -> switch (field) {
                    case "delegateId", "from", "until" -> field;
                    default -> null;
                });
        if (delegated) {
            redirect.addFlashAttribute("notice", "reviews.delegation.saved");
            redirect.addFlashAttribute("noticeArgument", form.delegateId());
            return "redirect:/reviews/delegation";
        }
        return page(form, errors, model);
    }

    private static LocalDate day(String value, String field, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            errors.reject(field, "reviews.delegation.day.invalid");
            return null;
        }
    }

    private String page(DelegationForm form, FormErrors errors, Model model) {
        model.addAttribute("delegations", Refusals.forPage(publication::delegations, errors));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "reviews/delegation";
    }
}
