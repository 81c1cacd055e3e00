package se.municipality.eops.publication.delegation.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A reviewer (the delegator) lets another reviewer (the delegate) decide reviews for them from {@code
 * from} (inclusive) until {@code until} (exclusive). Ids are normalised person ids.
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
            throw new InvalidDelegationException("delegateId", "is required");
        }
        if (delegateId.equals(delegatorId)) {
            throw new InvalidDelegationException("delegateId", "must be another reviewer than yourself");
        }
        if (from == null || until == null) {
            throw new InvalidDelegationException(from == null ? "from" : "until", "is required");
        }
        if (!until.isAfter(from)) {
            throw new InvalidDelegationException("until", "must be after from");
        }
        if (!until.isAfter(now)) {
            throw new InvalidDelegationException("until", "must be in the future");
        }
        return new Delegation(id, delegatorId, delegateId, from, until, now);
    }

    public boolean lets(String delegate, String delegator, Instant at) {
        return delegateId.equals(delegate) && delegatorId.equals(delegator) && !at.isBefore(from) && at.isBefore(until);
    }
}
