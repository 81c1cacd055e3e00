package se.municipality.eops.publication.catalogue.domain;

import java.time.Instant;

/**
 * One reviewer's decision.
 *
 * @param reviewerId who decided
 * @param onBehalfOf the reviewer whose seat the decision fills when a delegate decided, else null
 */
public record ReviewVote(String reviewerId, String onBehalfOf, boolean approved, String comment, Instant decidedAt) {

    /** The reviewer whose one decision this is: the delegator when a delegate decided. */
    public String seat() {
        return onBehalfOf != null ? onBehalfOf : reviewerId;
    }
}
