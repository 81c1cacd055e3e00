package se.municipality.eops.portal.team;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.municipality.eops.portal.services.PublicationServiceClient;
import se.municipality.eops.portal.services.PublicationServiceClient.ChecklistItem;
import se.municipality.eops.portal.services.ServiceProblem;
import se.municipality.eops.portal.services.ServiceUnavailable;
import se.municipality.eops.portal.web.FormErrors;
import se.municipality.eops.portal.web.Refusals;

/**
 * {@code /team/checklist}: the checklist in force as a form, one row per item and a few empty rows for new ones;
 * saving publishes a new version (in force from now on; requests filed before keep the version they were filed
 * under). A row left empty is no item. The form names the version it started from ({@code basedOnVersion}): if
 * someone else published one meanwhile, nothing is published (409) and the page shows theirs beside the typed rows. The service names a wrong row {@code items[2].id}; its input is {@code
 * items-2-id}.
 */
@Controller
class ChecklistController {

    static final int EMPTY_ROWS = 3;
    private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)](?:\\.(id|text|mandatory))?");

    /** One row of the form. */
    public static class Row {
        private String id;
        private String text;
        private boolean mandatory;

        public Row() {}

        Row(String id, String text, boolean mandatory) {
            this.id = id;
            this.text = text;
            this.mandatory = mandatory;
        }

        boolean empty() {
            return (id == null || id.isBlank()) && (text == null || text.isBlank());
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public boolean isMandatory() {
            return mandatory;
        }

        public void setMandatory(boolean mandatory) {
            this.mandatory = mandatory;
        }
    }

    /** The rows as the form sends them ({@code items[0].id}, {@code items[0].text}, {@code items[0].mandatory}). */
    public static class ChecklistForm {
        private List<Row> items = new ArrayList<>();
        private Integer basedOnVersion;

        public Integer getBasedOnVersion() {
            return basedOnVersion;
        }

        public void setBasedOnVersion(Integer basedOnVersion) {
            this.basedOnVersion = basedOnVersion;
        }

        public List<Row> getItems() {
            return items;
        }

        public void setItems(List<Row> items) {
            this.items = items;
        }
    }

    private final PublicationServiceClient publication;

    ChecklistController(PublicationServiceClient publication) {
        this.publication = publication;
    }

    @GetMapping("/team/checklist")
    String checklist(Model model) {
        PublicationServiceClient.ChecklistVersion current = publication.checklistInForce();
        ChecklistForm form = new ChecklistForm();
        current.items().forEach(item -> form.getItems().add(new Row(item.id(), item.text(), item.mandatory())));
        form.setBasedOnVersion(current.version());
        return page(current, form, new FormErrors(), model);
    }

    @PostMapping("/team/checklist")
    String publish(@ModelAttribute("form") ChecklistForm form, Model model, RedirectAttributes redirect) {
        // Empty rows are no items; what is left is numbered as the service numbers it (items[0], items[1], ...).
        form.getItems().removeIf(row -> row == null || row.empty());
        List<ChecklistItem> items = form.getItems().stream()
                .map(row -> new ChecklistItem(strip(row.getId()), strip(row.getText()), row.isMandatory()))
                .toList();
        FormErrors errors = new FormErrors();
        try {
            var published = publication.publishChecklist(items, form.getBasedOnVersion());
            redirect.addFlashAttribute("notice", "team.checklist.published");
            redirect.addFlashAttribute("noticeArgument", published.version());
            return "redirect:/team/checklist";
        } catch (ServiceProblem problem) {
            Refusals.show(problem, errors, ChecklistController::inputOf);
            PublicationServiceClient.ChecklistVersion current = publication.checklistInForce();
            if (problem.status() == 409) {
                // Someone published a version in between: show theirs, keep the typed rows, and base the form on
                // theirs, so that publishing again is a deliberate choice that the service takes.
                model.addAttribute("inForceNow", current);
                form.setBasedOnVersion(current.version());
            }
            return page(current, form, errors, model);
        } catch (ServiceUnavailable | ResourceAccessException down) {
            Refusals.noAnswer(down, errors);
            return page(Refusals.unlessDown(publication::checklistInForce), form, errors, model);
        }
    }

    private String page(
            PublicationServiceClient.ChecklistVersion current, ChecklistForm form, FormErrors errors, Model model) {
        for (int i = 0; i < EMPTY_ROWS; i++) {
            form.getItems().add(new Row());
        }
        model.addAttribute("current", current);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "team/checklist";
    }

    /** The service's {@code items[1].text} is the input {@code items-1-text}; {@code items} the first row's id. */
    static String inputOf(String field) {
        if (field.equals("items")) {
            return "items-0-id";
        }
        Matcher matcher = ITEM_FIELD.matcher(field);
        if (!matcher.matches()) {
            return null;
        }
        return "items-" + matcher.group(1) + "-" + (matcher.group(2) == null ? "id" : matcher.group(2));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
