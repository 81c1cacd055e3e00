package se.municipality.eops.portal.team;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.municipality.eops.portal.services.PermissionServiceClient;
import se.municipality.eops.portal.web.FormErrors;
import se.municipality.eops.portal.web.PageNumbers;
import se.municipality.eops.portal.web.Refusals;

/**
 * {@code /team/trainings}: record that a person completed the administrator training; permission-service then
 * activates every administrator grant that waited for it (flow 4), and the page says how many. Under the form, the
 * trainings on record, newest recorded first, paged.
 */
@Controller
class TrainingsController {

    static final int PAGE_SIZE = 20;

    /** The form: who (user id, name, e-mail), when, which course. */
    record TrainingForm(String userId, String name, String email, String completedOn, String course) {

        static TrainingForm empty() {
            return new TrainingForm(null, null, null, null, null);
        }
    }

    private final PermissionServiceClient permissions;

    TrainingsController(PermissionServiceClient permissions) {
        this.permissions = permissions;
    }

    @GetMapping("/team/trainings")
    String form(@RequestParam(required = false) String page, Model model) {
        model.addAttribute("form", TrainingForm.empty());
        model.addAttribute("errors", new FormErrors());
        return page(PageNumbers.orFirst(page), model);
    }

    @PostMapping("/team/trainings")
    String record(@ModelAttribute("form") TrainingForm form, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        model.addAttribute("errors", errors);
        LocalDate completedOn = null;
        if (form.completedOn() != null && !form.completedOn().isBlank()) {
            try {
                completedOn = LocalDate.parse(form.completedOn().strip());
            } catch (DateTimeParseException notADate) {
                errors.reject("completedOn", "team.trainings.completedOn.invalid");
                return page(0, model);
            }
        }
        var training = new PermissionServiceClient.Training(
                TeamRequestsController.blankToNull(form.userId()),
                TeamRequestsController.blankToNull(form.name()),
                TeamRequestsController.blankToNull(form.email()),
                completedOn,
                TeamRequestsController.blankToNull(form.course()));
        var recorded =
                Refusals.answer(() -> permissions.recordTraining(training), errors, TrainingsController::inputOf);
        if (recorded.isPresent()) {
            redirect.addFlashAttribute("notice", "team.trainings.recorded");
            redirect.addFlashAttribute("noticeArgument", recorded.get().activatedGrants());
            return "redirect:/team/trainings";
        }
        // The list shows whether the training was recorded after all; the form comes back even when it cannot be read.
        model.addAttribute("trainings", Refusals.forPage(() -> permissions.trainings(0, PAGE_SIZE), errors));
        return "team/trainings";
    }

    /** The page: the form, and under it one page of the trainings on record, newest first. */
    private String page(int page, Model model) {
        model.addAttribute("trainings", permissions.trainings(Math.max(page, 0), PAGE_SIZE));
        return "team/trainings";
    }

    /** permission-service names the person's fields {@code person.userId}, {@code person.name}, {@code person.email}. */
    static String inputOf(String field) {
        String name = field.startsWith("person.") ? field.substring("person.".length()) : field;
        return switch (name) {
            case "userId", "name", "email", "completedOn", "course" -> name;
            default -> null;
        };
    }
}
