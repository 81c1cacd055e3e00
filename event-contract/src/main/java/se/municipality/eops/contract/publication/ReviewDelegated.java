package se.municipality.eops.contract.publication;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A reviewer (the delegator) let another reviewer (the delegate) decide reviews for them during a
 * period; notification-service tells the delegate (or, without the delegate's e-mail, the reference
 * group's mailbox).
 *
 * <p>Unlike the other publication events this one is about no e-service: its aggregate, and so its
 * Kafka key, is the delegation ({@code delegationId}).
 *
 * @param delegationId publication-service's id of the delegation (the aggregate; the Kafka key)
 * @param delegatorId who hands their decisions over (a normalised person id)
 * @param delegateId who decides for them (a normalised person id)
 * @param from when the delegation starts (inclusive)
 * @param until when it ends (exclusive)
 * @param delegator the delegator's contact details, from their token when they delegated
 * @param delegate the delegate's contact details as far as publication-service knows them (it has no
 *     directory of people: often the user id alone)
 */
public record ReviewDelegated(
        UUID eventId,
        String delegationId,
        Instant occurredAt,
        String delegatorId,
        String delegateId,
        Instant from,
        Instant until,
        Reviewer delegator,
        Reviewer delegate)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return delegationId;
    }
}
