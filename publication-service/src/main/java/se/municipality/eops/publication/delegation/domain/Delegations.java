package se.municipality.eops.publication.delegation.domain;

import java.util.List;

/** The delegations between reviewers. */
public interface Delegations {

    void add(Delegation delegation);

    /** Every delegation the person gave or received. */
    List<Delegation> involving(String personId);

    /** The delegations from {@code delegatorId} to {@code delegateId}, whatever their period. */
    List<Delegation> between(String delegatorId, String delegateId);
}
