package se.municipality.eops.permission.review.web;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.municipality.eops.contract.permission.AccessReviewDecided.Decision;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.permission.grant.application.PermissionCheck;
import se.municipality.eops.permission.review.application.AccessReviewCycle;
import se.municipality.eops.permission.review.domain.AccessReview;
import se.municipality.eops.permission.web.FieldFindings;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.security.CurrentUser;

/** Access reviews: read them, and (as an administrator of the e-service) confirm or revoke a grant. */
@RestController
class AccessReviewController {

    private static final int MAX_COMMENT = 4_000;

    private final AccessReviewCycle reviews;
    private final PermissionCheck check;

    AccessReviewController(AccessReviewCycle reviews, PermissionCheck check) {
        this.reviews = reviews;
        this.check = check;
    }

    @GetMapping("/api/e-services/{eServiceId}/access-reviews")
    List<AccessReview> reviewsOf(@PathVariable String eServiceId) {
        return reviews.ofEService(eServiceId);
    }

    @GetMapping("/api/access-reviews/{reviewId}")
    AccessReview review(@PathVariable String reviewId) {
        return reviews.get(reviewId);
    }

    record DecisionBody(String grantId, Decision decision, String comment) {}

    @PostMapping("/api/access-reviews/{reviewId}/decisions")
    AccessReview decide(@PathVariable String reviewId, @RequestBody DecisionBody body) {
        FieldFindings findings = new FieldFindings();
        if (body.grantId() == null || body.grantId().isBlank()) {
            findings.add("grantId", "is required", FieldErrorCodes.REQUIRED);
        }
        if (body.decision() == null) {
            findings.add(
                    "decision",
                    "is required (CONFIRMED or REVOKED)",
                    FieldErrorCodes.REQUIRED,
                    Map.of("allowed", "CONFIRMED, REVOKED"));
        }
        if (body.comment() != null && body.comment().length() > MAX_COMMENT) {
            findings.add(
                    "comment",
                    "is longer than " + MAX_COMMENT + " characters",
                    FieldErrorCodes.TOO_LONG,
                    Map.of("max", MAX_COMMENT));
        }
        findings.throwIfAny();
        CurrentUser user = CurrentUser.fromSecurityContext();
        return reviews.decide(
                reviewId,
                body.grantId(),
                body.decision(),
                PersonIds.normalize(user.userId()),
                body.comment(),
                eServiceId -> user.hasRole("CENTRAL_TEAM")
                        || check.check(user.userId(), PermissionRole.ADMINISTRATOR, eServiceId)
                                .allowed());
    }
}
