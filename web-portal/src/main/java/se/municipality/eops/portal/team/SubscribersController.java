package se.municipality.eops.portal.team;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.municipality.eops.portal.services.PurgeServiceClient;
import se.municipality.eops.portal.web.FormErrors;
import se.municipality.eops.portal.web.Refusals;

/**
 * {@code /team/subscribers}: the systems registered to acknowledge every purged batch (the case-handling system,
 * "my pages", ...), a form to register one, and every batch whose acknowledgement is overdue, with who is late.
 */
@Controller
class SubscribersController {

    /** Register a system: its id (as it acknowledges) and its name for people. */
    record SubscriberForm(String subscriberId, String name) {

        static SubscriberForm empty() {
            return new SubscriberForm(null, null);
        }
    }

    /** One batch of one purge that a subscriber has not acknowledged in time. */
    record OverdueAcknowledgement(
            String purgeId, String eServiceId, int batch, Instant dueBy, List<String> subscribers) {}

    private final PurgeServiceClient purge;

    SubscribersController(PurgeServiceClient purge) {
        this.purge = purge;
    }

    @GetMapping("/team/subscribers")
    String subscribers(Model model) {
        return page(SubscriberForm.empty(), new FormErrors(), model);
    }

    @PostMapping("/team/subscribers")
    String register(@ModelAttribute("form") SubscriberForm form, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        String id = TeamRequestsController.blankToNull(form.subscriberId());
        if (id == null) {
            // The id is a path segment of the service's API: an empty one is no call at all.
            errors.reject("subscriberId", "team.subscribers.subscriberId.required");
            return page(form, errors, model);
        }
        boolean registered =
                Refusals.accepted(() -> purge.registerSubscriber(id, form.name()), errors, field -> switch (field) {
                    case "subscriberId", "name" -> field;
                    default -> null;
                });
        if (registered) {
            redirect.addFlashAttribute("notice", "team.subscribers.registered");
            redirect.addFlashAttribute("noticeArgument", id);
            return "redirect:/team/subscribers";
        }
        return page(form, errors, model);
    }

    private String page(SubscriberForm form, FormErrors errors, Model model) {
        model.addAttribute("subscribers", Refusals.forPage(purge::subscribers, errors));
        model.addAttribute("overdue", Refusals.forPage(() -> overdue(purge.purges()), errors));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "team/subscribers";
    }

    static List<OverdueAcknowledgement> overdue(List<PurgeServiceClient.Purge> purges) {
        return purges.stream()
                .flatMap(purge -> purge.batches() == null
                        ? java.util.stream.Stream.empty()
                        : purge.batches().stream()
                                .filter(batch -> batch.overdue() != null
                                        && !batch.overdue().isEmpty())
                                .map(batch -> new OverdueAcknowledgement(
                                        purge.purgeId(),
                                        purge.eServiceId(),
                                        batch.number(),
                                        batch.acknowledgementsDueBy(),
                                        batch.overdue())))
                .toList();
    }
}
