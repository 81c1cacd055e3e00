package se.municipality.eops.publication.delegation.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import se.municipality.eops.contract.publication.ReviewDelegated;
import se.municipality.eops.contract.publication.Reviewer;
import se.municipality.eops.starter.rules.FieldErrorCodes;

/**
 * A reviewer (the delegator) lets another reviewer (the delegate) decide reviews for them from {@code
 * from} (inclusive) until {@code until} (exclusive). Ids are normalised person ids. The service keeps no list of
 * the reference group, so nothing here checks that the delegate is a reviewer: the delegation is only used while
 * the delegate's own token carries the reference group's role, which every review decision needs.
 */
public record Delegation(
        String id, String delegatorId, String delegateId, Instant from, Instant until, Instant createdAt) {

    public Delegation {
        Objects.requireNonNull(delegatorId, "delegatorId");
        Objects.requireNonNull(delegateId, "delegateId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
    }

    /** Checks the rules of a new delegation. */
    public static Delegation of(
            String id, String delegatorId, String delegateId, Instant from, Instant until, Instant now) {
        if (delegateId == null || delegateId.isBlank()) {
            throw new InvalidDelegationException("delegateId", "is required", FieldErrorCodes.REQUIRED);
        }
        if (delegateId.equals(delegatorId)) {
            throw new InvalidDelegationException(
                    "delegateId", "must be someone other than yourself", InvalidDelegationException.NOT_YOURSELF);
        }
        if (from == null || until == null) {
            throw new InvalidDelegationException(
                    from == null ? "from" : "until", "is required", FieldErrorCodes.REQUIRED);
        }
        if (!until.isAfter(from)) {
            throw new InvalidDelegationException(
                    "until", "must be after from", FieldErrorCodes.NOT_AFTER, Map.of("after", "from"));
        }
        if (!until.isAfter(now)) {
            throw new InvalidDelegationException("until", "must be in the future", FieldErrorCodes.NOT_IN_FUTURE);
        }
        return new Delegation(id, delegatorId, delegateId, from, until, now);
    }

    /**
     * The event that tells the delegate (and anyone listening) of this new delegation.
     *
     * @param delegator the delegator's contact details, as far as known
     * @param delegate the delegate's contact details, as far as known (often the id alone)
     */
    public ReviewDelegated announced(UUID eventId, Reviewer delegator, Reviewer delegate) {
        return new ReviewDelegated(eventId, id, createdAt, delegatorId, delegateId, from, until, delegator, delegate);
    }

    public boolean lets(String delegate, String delegator, Instant at) {
        return delegateId.equals(delegate) && delegatorId.equals(delegator) && !at.isBefore(from) && at.isBefore(until);
    }
}
