package se.municipality.eops.permission.review.domain;

import java.util.Map;
import se.municipality.eops.starter.rules.BrokenRule;

/** A decision an access review refuses, with its kind as a problem's {@code errors[].code}. */
public class AccessReviewRefused extends BrokenRule {

    /** The review is no longer open ({@code status}: what it is). */
    public static final String REVIEW_CLOSED = "review-closed";
    /** The grant was decided already in this review ({@code decision}: how). */
    public static final String DECIDED_ALREADY = "decided-already";
    /** The grant is not on this review's list. */
    public static final String NOT_IN_REVIEW = "not-in-review";

    private final boolean conflict;

    private AccessReviewRefused(
            boolean conflict, String field, String message, String code, Map<String, Object> params) {
        super(field, message, code, params);
        this.conflict = conflict;
    }

    static AccessReviewRefused closed(String reviewId, AccessReview.ReviewStatus status) {
        return new AccessReviewRefused(
                true,
                "decision",
                "the review " + reviewId + " is " + status + ", no longer open",
                REVIEW_CLOSED,
                Map.of("status", status.name()));
    }

    static AccessReviewRefused decidedAlready(String grantId, Object decision) {
        return new AccessReviewRefused(
                true,
                "decision",
                "the grant " + grantId + " was " + decision + " already",
                DECIDED_ALREADY,
                Map.of("decision", String.valueOf(decision)));
    }

    static AccessReviewRefused notInReview(String grantId, String reviewId) {
        return new AccessReviewRefused(
                false, "grantId", "the grant " + grantId + " is not in review " + reviewId, NOT_IN_REVIEW, Map.of());
    }

    /** The state refuses it (409), rather than the input (400). */
    public boolean conflict() {
        return conflict;
    }
}
