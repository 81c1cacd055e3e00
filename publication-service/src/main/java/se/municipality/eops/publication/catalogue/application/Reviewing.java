package se.municipality.eops.publication.catalogue.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.publication.catalogue.domain.EService;
import se.municipality.eops.publication.catalogue.domain.EServiceVersion;
import se.municipality.eops.publication.catalogue.domain.EServices;
import se.municipality.eops.publication.catalogue.domain.ReviewVote;
import se.municipality.eops.publication.delegation.application.ReviewDelegation;
import se.municipality.eops.starter.web.NotFoundException;

/** The reference group's side of a review: what waits, what it is about, and the decisions. */
@Service
public class Reviewing {

    static final int MAX_LISTED = 200;

    private final EServices eServices;
    private final EServiceWrites writes;
    private final ReviewDelegation delegation;
    private final Clock clock;

    public Reviewing(EServices eServices, EServiceWrites writes, ReviewDelegation delegation, Clock clock) {
        this.eServices = eServices;
        this.writes = writes;
        this.delegation = delegation;
        this.clock = clock;
    }

    /** A review with the e-service and version it is about. */
    public record ReviewCase(EService eService, EServiceVersion version) {}

    /** Reviews still open, oldest first; {@code waitingFor} leaves out those the reviewer decided. */
    public List<ReviewCase> open(String reviewerId, boolean onlyUndecidedByMe) {
        String me = PersonIds.normalize(reviewerId);
        return eServices.withVersionsInReview(MAX_LISTED).stream()
                .flatMap(eService -> eService.versions().stream()
                        .filter(version -> version.status()
                                == se.municipality.eops.publication.catalogue.domain.VersionStatus.IN_REVIEW)
                        .map(version -> new ReviewCase(eService, version)))
                .filter(review -> !onlyUndecidedByMe
                        || review.version().review().votes().stream()
                                .noneMatch(vote -> vote.seat().equals(me)))
                .sorted(Comparator.comparing(review -> review.version().review().requestedAt()))
                .toList();
    }

    public ReviewCase get(String reviewId) {
        EService eService = eServices
                .findByReviewId(reviewId)
                .orElseThrow(() -> new NotFoundException("No review " + reviewId + "."));
        return new ReviewCase(eService, eService.versionReviewed(reviewId).orElseThrow());
    }

    /**
     * Records a decision. A delegate names the delegator in {@code onBehalfOf}; the delegation must cover
     * this moment, else 403. Concurrent decisions are serialised by the optimistic lock: each one is
     * applied to the state that includes the others, so none is lost and the quorum is passed once.
     */
    public ReviewCase decide(String reviewId, String reviewerId, String onBehalfOf, boolean approve, String comment) {
        Instant now = clock.instant();
        String reviewer = PersonIds.normalize(reviewerId);
        String delegator = onBehalfOf == null || onBehalfOf.isBlank() ? null : PersonIds.normalize(onBehalfOf);
        if (delegator != null && delegator.equals(reviewer)) {
            delegator = null;
        }
        if (delegator != null && !delegation.mayDecideFor(reviewer, delegator, now)) {
            throw new AccessDeniedException(reviewer + " has no delegation from " + delegator + " that covers " + now);
        }
        ReviewVote vote = new ReviewVote(reviewer, delegator, approve, blankToNull(comment), now);
        EService decided = writes.change(
                "decision on " + reviewId,
                () -> eServices
                        .findByReviewId(reviewId)
                        .orElseThrow(() -> new NotFoundException("No review " + reviewId + ".")),
                eService -> {
                    eService.decide(reviewId, vote);
                    return eService;
                });
        return new ReviewCase(decided, decided.versionReviewed(reviewId).orElseThrow());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
