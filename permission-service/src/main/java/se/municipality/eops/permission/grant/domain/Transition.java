package se.municipality.eops.permission.grant.domain;

import java.util.Set;
import se.municipality.eops.contract.DomainEvent;

/**
 * A change of a grant's status, applied only if the grant is still in one of {@code from}: two
 * replicas (or a job and a request) racing for the same grant change it once, and the event goes
 * out once.
 */
public record Transition(
        String grantId, Set<GrantStatus> from, GrantStatus to, HistoryEntry entry, DomainEvent event) {}
