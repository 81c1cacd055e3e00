package se.municipality.eops.publication.delegation.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.EmailAddresses;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.contract.publication.Reviewer;
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

    /**
     * Records a delegation and announces it ({@code ReviewDelegated}) in the same write.
     *
     * @param delegator the caller as their token describes them: id, and name and e-mail when it has them
     */
    public Delegation delegate(Reviewer delegator, String delegateId, Instant from, Instant until) {
        Delegation delegation;
        try {
            delegation = Delegation.of(
                    "dlg-" + UUID.randomUUID(),
                    PersonIds.normalize(delegator.userId()),
                    delegateId == null || delegateId.isBlank() ? delegateId : PersonIds.normalize(delegateId),
                    from,
                    until,
                    clock.instant());
        } catch (InvalidDelegationException invalid) {
            throw new InvalidInputException(invalid);
        }
        // This service keeps no directory of people: it knows the delegator from their token, the
        // delegate only by the id typed in (notification-service then tells the reference group's mailbox).
        delegations.add(
                delegation,
                delegation.announced(
                        UUID.randomUUID(),
                        new Reviewer(
                                delegation.delegatorId(),
                                textOrNull(delegator.name()),
                                usableEmailOrNull(delegator.email())),
                        new Reviewer(delegation.delegateId(), null, null)));
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

    private static String textOrNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * A token's e-mail the contract would refuse is left out rather than refusing the delegation: the
     * event's schema checks e-mails, and the delegator's address is only a courtesy to the reader.
     */
    private static String usableEmailOrNull(String email) {
        return email != null && EmailAddresses.isValid(email) ? email : null;
    }
}
