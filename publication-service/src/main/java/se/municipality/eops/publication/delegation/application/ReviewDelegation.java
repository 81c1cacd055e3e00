package se.municipality.eops.publication.delegation.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.publication.delegation.domain.Delegation;
import se.municipality.eops.publication.delegation.domain.Delegations;
import se.municipality.eops.publication.delegation.domain.InvalidDelegationException;
import se.municipality.eops.starter.web.InvalidInputException;

/** Reviewers delegating their decisions, and the check that a delegate may decide for a delegator now. */
@Service
public class ReviewDelegation {

    private final Delegations delegations;
    private final Clock clock;

    public ReviewDelegation(Delegations delegations, Clock clock) {
        this.delegations = delegations;
        this.clock = clock;
    }

    public Delegation delegate(String delegatorId, String delegateId, Instant from, Instant until) {
        Delegation delegation;
        try {
            delegation = Delegation.of(
                    "dlg-" + UUID.randomUUID(),
                    PersonIds.normalize(delegatorId),
                    delegateId == null || delegateId.isBlank() ? delegateId : PersonIds.normalize(delegateId),
                    from,
                    until,
                    clock.instant());
        } catch (InvalidDelegationException invalid) {
            throw new InvalidInputException(invalid.field(), invalid.getMessage());
        }
        delegations.add(delegation);
        return delegation;
    }

    public List<Delegation> involving(String personId) {
        return delegations.involving(PersonIds.normalize(personId));
    }

    /** Whether {@code delegateId} may decide for {@code delegatorId} at {@code at}. */
    public boolean mayDecideFor(String delegateId, String delegatorId, Instant at) {
        String delegate = PersonIds.normalize(delegateId);
        String delegator = PersonIds.normalize(delegatorId);
        return delegations.between(delegator, delegate).stream()
                .anyMatch(delegation -> delegation.lets(delegate, delegator, at));
    }
}
