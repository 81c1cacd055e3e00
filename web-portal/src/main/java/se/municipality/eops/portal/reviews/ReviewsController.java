package se.municipality.eops.portal.reviews;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.municipality.eops.portal.services.PublicationServiceClient;
import se.municipality.eops.portal.web.FormErrors;
import se.municipality.eops.portal.web.Refusals;

/**
 * {@code /reviews}: the open reviews I have not decided, oldest first; {@code /reviews/{id}}: the request, the
 * requester's checklist answers, the decisions so far and my decision ({@code #approve} / {@code #reject}, a
 * comment; a rejection needs one), possibly for a reviewer whose delegation to me covers today.
 */
@Controller
class ReviewsController {

    /** My decision: the button pressed ({@code APPROVE} or {@code REJECT}), a comment, whom I decide for. */
    record DecisionForm(String decision, String comment, String onBehalfOf) {

        static DecisionForm empty() {
            return new DecisionForm(null, null, null);
        }
    }

    private final PublicationServiceClient publication;

    ReviewsController(PublicationServiceClient publication) {
        this.publication = publication;
    }

    @GetMapping("/reviews")
    String waiting(Model model) {
        model.addAttribute("reviews", publication.reviewsWaitingForMe());
        return "reviews/list";
    }

    @GetMapping("/reviews/{reviewId}")
    String review(@PathVariable String reviewId, Principal me, Model model) {
        return page(reviewId, me, DecisionForm.empty(), new FormErrors(), model);
    }

    @PostMapping("/reviews/{reviewId}/decision")
    String decide(
            @PathVariable String reviewId, DecisionForm form, Principal me, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        String decision = "REJECT".equals(form.decision()) ? "REJECT" : "APPROVE";
        boolean decided = Refusals.accepted(
                () -> publication.decide(
                        reviewId, decision, blankToNull(form.comment()), blankToNull(form.onBehalfOf())),
                errors,
                field -> switch (field) {
                    case "comment", "onBehalfOf" -> field;
                    default -> null;
                });
        if (decided) {
            redirect.addFlashAttribute("notice", decision.equals("APPROVE") ? "reviews.approved" : "reviews.rejected");
            return "redirect:/reviews";
        }
        return page(reviewId, me, form, errors, model);
    }

    private String page(String reviewId, Principal me, DecisionForm form, FormErrors errors, Model model) {
        PublicationServiceClient.Review review = publication.review(reviewId);
        model.addAttribute("review", review);
        model.addAttribute("decidedByMe", review.decidedBy(me.getName()));
        model.addAttribute("delegators", activeDelegators(me.getName()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "reviews/review";
    }

    /** The reviewers whose delegation to me covers now: I may decide for them. */
    private List<String> activeDelegators(String me) {
        Instant now = Instant.now();
        return publication.delegations().stream()
                .filter(delegation -> me.equalsIgnoreCase(delegation.delegateId()))
                .filter(delegation -> !now.isBefore(delegation.from()) && now.isBefore(delegation.until()))
                .map(PublicationServiceClient.Delegation::delegatorId)
                .distinct()
                .toList();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
