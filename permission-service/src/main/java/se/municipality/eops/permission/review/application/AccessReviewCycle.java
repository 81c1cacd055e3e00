package se.municipality.eops.permission.review.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.permission.AccessReviewDecided.Decision;
import se.municipality.eops.contract.permission.PermissionRevoked.RevocationCause;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.contract.permission.ReviewedGrant;
import se.municipality.eops.permission.grant.application.PermissionMetrics;
import se.municipality.eops.permission.grant.application.PermissionProperties;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.review.domain.AccessReview;
import se.municipality.eops.permission.review.domain.AccessReviewRefused;
import se.municipality.eops.permission.review.domain.AccessReviews;
import se.municipality.eops.starter.concurrency.ConcurrentChanges;
import se.municipality.eops.starter.web.ConflictException;
import se.municipality.eops.starter.web.InvalidInputException;
import se.municipality.eops.starter.web.NotFoundException;

/**
 * Runs the access-review cycle: starts one review per e-service and cycle (editors and case
 * handlers, reviewed by the e-service's administrators), records decisions, and flags reviews whose
 * deadline passed with grants undecided, revoking those grants when so configured.
 */
@Service
public class AccessReviewCycle {

    private static final int ATTEMPTS = 10;

    private final AccessReviews reviews;
    private final Grants grants;
    private final PermissionMetrics metrics;
    private final PermissionProperties.AccessReview settings;
    private final Clock clock;

    AccessReviewCycle(
            AccessReviews reviews,
            Grants grants,
            PermissionMetrics metrics,
            PermissionProperties properties,
            Clock clock) {
        this.reviews = reviews;
        this.grants = grants;
        this.metrics = metrics;
        this.settings = properties.accessReview();
        this.clock = clock;
    }

    public record Run(int started, int overdue) {}

    /** Starts the reviews due in this cycle and flags the overdue ones. */
    public Run runOnce() {
        Instant now = clock.instant();
        int started = 0;
        if (settings.enabled()) {
            for (String eServiceId : grants.eServicesWithOpenGrants()) {
                if (!reviews.exists(AccessReview.idFor(eServiceId, now, settings.cycle())) && start(eServiceId, now)) {
                    started++;
                }
            }
        }
        int overdue = 0;
        for (AccessReview review : reviews.openDueBefore(now)) {
            if (flagOverdue(review, now)) {
                overdue++;
            }
        }
        return new Run(started, overdue);
    }

    private boolean start(String eServiceId, Instant now) {
        List<Grant> open = grants.openOnEService(eServiceId);
        List<Person> reviewers = open.stream()
                .filter(grant -> grant.role() == PermissionRole.ADMINISTRATOR && grant.inForceAt(now))
                .map(grant -> grant.holder().person())
                .distinct()
                .toList();
        List<ReviewedGrant> toReview = open.stream()
                .filter(grant -> grant.role() != PermissionRole.ADMINISTRATOR)
                .map(grant -> new ReviewedGrant(
                        grant.id(),
                        grant.role(),
                        grant.holder().person(),
                        grant.holder().group(),
                        grant.validUntil()))
                .toList();
        return AccessReview.start(eServiceId, reviewers, toReview, now, settings.cycle(), settings.answerWithin())
                .map(reviews::add)
                .orElse(false);
    }

    private boolean flagOverdue(AccessReview review, Instant now) {
        boolean revoke = settings.revokeWhenOverdue();
        if (revoke) {
            // Revocations first: if the service stops in between, the next run finds the review still
            // open and revokes nothing twice (a revoked grant is no longer open).
            for (ReviewedGrant undecided : review.undecided()) {
                grants.findById(undecided.grantId()).ifPresent(grant -> {
                    String reason = "Not confirmed in access review " + review.id() + " by " + review.dueAt();
                    if (grants.apply(
                            grant.revoke(now, null, "system", RevocationCause.ACCESS_REVIEW_OVERDUE, reason))) {
                        metrics.revoked(grant);
                    }
                });
            }
        }
        return review.overdue(now, revoke).map(reviews::update).orElse(false);
    }

    /**
     * Records an administrator's decision on one grant of a review; a revocation ends the grant first.
     *
     * @param mayDecide whether the caller is an administrator of the review's e-service (or the central team)
     */
    public AccessReview decide(
            String reviewId, String grantId, Decision decision, String by, String comment, MayDecide mayDecide) {
        return ConcurrentChanges.retry("decision", "the review " + reviewId, ATTEMPTS, () -> {
            AccessReview review =
                    reviews.findById(reviewId).orElseThrow(() -> new NotFoundException("no access review " + reviewId));
            if (!mayDecide.test(review.eServiceId())) {
                throw new AccessDeniedException(
                        "only an administrator of " + review.eServiceId() + " decides its access review");
            }
            AccessReview.Changed decided;
            try {
                decided = review.decide(grantId, decision, by, comment, clock.instant());
            } catch (AccessReviewRefused refused) {
                throw refused.conflict() ? new ConflictException(refused) : new InvalidInputException(refused);
            }
            if (decision == Decision.REVOKED) {
                Optional<Grant> grant = grants.findById(grantId);
                String reason = Optional.ofNullable(comment).orElse("Revoked in access review " + reviewId);
                grant.ifPresent(held -> {
                    if (grants.apply(held.revoke(clock.instant(), null, by, RevocationCause.ACCESS_REVIEW, reason))) {
                        metrics.revoked(held);
                    }
                });
            }
            return reviews.update(decided) ? Optional.of(decided.review()) : Optional.empty();
        });
    }

    public List<AccessReview> ofEService(String eServiceId) {
        return reviews.ofEService(eServiceId);
    }

    public AccessReview get(String reviewId) {
        return reviews.findById(reviewId).orElseThrow(() -> new NotFoundException("no access review " + reviewId));
    }

    /** Whether the caller may decide the reviews of an e-service. */
    @FunctionalInterface
    public interface MayDecide {
        boolean test(String eServiceId);
    }
}
