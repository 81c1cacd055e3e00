package se.municipality.eops.publication.delegation.domain;

import java.util.List;
import se.municipality.eops.contract.publication.ReviewDelegated;

/** The delegations between reviewers. */
public interface Delegations {

    /** Stores a new delegation and the event announcing it in one write (the outbox publishes the event). */
    void add(Delegation delegation, ReviewDelegated announced);

    /** Every delegation the person gave or received. */
    List<Delegation> involving(String personId);

    /** The delegations from {@code delegatorId} to {@code delegateId}, whatever their period. */
    List<Delegation> between(String delegatorId, String delegateId);
}
