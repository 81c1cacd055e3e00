package se.municipality.eops.publication.catalogue.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reference group's review of a brand-new e-service's version.
 *
 * @param decidedAt when the quorum was reached or the rejection came
 * @param remindedAt when the reviewers were reminded (once per review)
 * @param stalledAt when the wait for the test-case purge was flagged as stalled
 */
public record Review(
        String reviewId,
        int quorum,
        Instant requestedAt,
        List<ReviewVote> votes,
        Instant decidedAt,
        String rejectionReason,
        Instant remindedAt,
        Instant stalledAt) {

    public Review {
        votes = votes == null ? List.of() : List.copyOf(votes);
    }

    static Review open(String reviewId, int quorum, Instant now) {
        return new Review(reviewId, quorum, now, List.of(), null, null, null, null);
    }

    public List<ReviewVote> approvals() {
        return votes.stream().filter(ReviewVote::approved).toList();
    }

    boolean hasDecided(String seat) {
        return voteInSeat(seat).isPresent();
    }

    /** The decision that fills a reviewer's seat: their own, or a delegate's for them. */
    Optional<ReviewVote> voteInSeat(String seat) {
        return votes.stream().filter(vote -> vote.seat().equals(seat)).findFirst();
    }

    /** Whether this person decided already, for themselves or for a reviewer who delegated to them. */
    boolean hasDecidedInPerson(String reviewerId) {
        return votes.stream().anyMatch(vote -> vote.reviewerId().equals(reviewerId));
    }

    Review with(ReviewVote vote) {
        List<ReviewVote> all = new ArrayList<>(votes);
        all.add(vote);
        return new Review(reviewId, quorum, requestedAt, all, decidedAt, rejectionReason, remindedAt, stalledAt);
    }

    Review decided(Instant at, String reason) {
        return new Review(reviewId, quorum, requestedAt, votes, at, reason, remindedAt, stalledAt);
    }

    Review reminded(Instant at) {
        return new Review(reviewId, quorum, requestedAt, votes, decidedAt, rejectionReason, at, stalledAt);
    }

    Review stalled(Instant at) {
        return new Review(reviewId, quorum, requestedAt, votes, decidedAt, rejectionReason, remindedAt, at);
    }
}
