package se.municipality.eops.publication.catalogue.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.publication.catalogue.application.Reviewing;
import se.municipality.eops.publication.catalogue.domain.ReviewVote;
import se.municipality.eops.publication.catalogue.domain.VersionStatus;
import se.municipality.eops.publication.checklist.domain.ChecklistAnswer;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.security.CurrentUser;
import se.municipality.eops.starter.web.InvalidInputException;

@RestController
@RequestMapping("/api/reviews")
@PreAuthorize("hasRole('REFERENCE_GROUP')")
class ReviewsController {

    private final Reviewing reviewing;

    ReviewsController(Reviewing reviewing) {
        this.reviewing = reviewing;
    }

    /** A review with the request and the requester's checklist answers. */
    record ReviewView(
            String reviewId,
            String eServiceId,
            String eServiceName,
            String committee,
            String orderer,
            String versionLabel,
            String requestId,
            String requesterId,
            Instant filedAt,
            Integer checklistVersion,
            List<ChecklistAnswer> checklistAnswers,
            VersionStatus status,
            int quorum,
            Instant requestedAt,
            List<ReviewVote> decisions,
            String rejectionReason) {

        static ReviewView of(Reviewing.ReviewCase review) {
            var version = review.version();
            var state = version.review();
            return new ReviewView(
                    state.reviewId(),
                    review.eService().id(),
                    review.eService().name(),
                    review.eService().committee(),
                    review.eService().orderer(),
                    version.label(),
                    version.requestId(),
                    version.requesterId(),
                    version.filedAt(),
                    version.checklistVersion(),
                    version.answers(),
                    version.status(),
                    state.quorum(),
                    state.requestedAt(),
                    state.votes(),
                    state.rejectionReason());
        }
    }

    /**
     * A decision. {@code decision}: APPROVE or REJECT (a rejection needs a {@code comment}: the reason);
     * {@code onBehalfOf}: the reviewer who delegated to you, when you decide for them.
     */
    record DecisionBody(String decision, String comment, String onBehalfOf) {}

    @GetMapping
    @Operation(
            summary = "Reviews waiting for the reference group, oldest first",
            description = "Reference group only. mine=true (the default) leaves out those I decided. A review leaves"
                    + " the list when it is decided or its request is withdrawn or rejected by the"
                    + " central team (status WITHDRAWN).")
    List<ReviewView> waiting(@RequestParam(defaultValue = "true") boolean mine) {
        return reviewing.open(CurrentUser.fromSecurityContext().userId(), mine).stream()
                .map(ReviewView::of)
                .toList();
    }

    @GetMapping("/{reviewId}")
    @Operation(summary = "A review: the request, the checklist answers and the decisions so far")
    ReviewView get(@PathVariable String reviewId) {
        return ReviewView.of(reviewing.get(reviewId));
    }

    @PostMapping("/{reviewId}/decisions")
    @Operation(
            summary = "Approve or reject",
            description = "Each reviewer decides once (409 the second time); a rejection needs a reason (400); a"
                    + " delegate decides for the delegator only inside the delegation's period (else 403). A review"
                    + " no longer open (approved, rejected, or its request withdrawn or rejected by the central team) answers 409 naming reviewId,"
                    + " code review-closed.")
    ReviewView decide(@PathVariable String reviewId, @RequestBody DecisionBody body) {
        if (body.decision() == null
                || !(body.decision().equals("APPROVE") || body.decision().equals("REJECT"))) {
            throw new InvalidInputException(
                    "decision",
                    "must be APPROVE or REJECT",
                    FieldErrorCodes.NOT_ONE_OF,
                    Map.of("allowed", "APPROVE, REJECT"));
        }
        if (body.comment() != null && body.comment().length() > 4000) {
            throw new InvalidInputException(
                    "comment", "must be at most 4000 characters", FieldErrorCodes.TOO_LONG, Map.of("max", 4000));
        }
        return ReviewView.of(reviewing.decide(
                reviewId,
                CurrentUser.fromSecurityContext().userId(),
                body.onBehalfOf(),
                body.decision().equals("APPROVE"),
                body.comment()));
    }
}
