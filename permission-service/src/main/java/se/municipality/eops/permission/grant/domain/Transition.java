package se.municipality.eops.permission.grant.domain;

import java.util.List;
import java.util.Set;
import se.municipality.eops.contract.DomainEvent;

/**
 * A change of a grant's status, applied only if the grant is still in one of {@code from}: two
 * replicas (or a job and a request) racing for the same grant change it once, and the event goes
 * out once.
 *
 * @param event what announces the change, or null when another service's event is the public fact
 *     already (a withdrawal: the request's {@code RequestWithdrawn}; a team rejection: its {@code
 *     RequestRejected})
 */
public record Transition(String grantId, Set<GrantStatus> from, GrantStatus to, HistoryEntry entry, DomainEvent event) {

    /** The events to write with the change: none or one. */
    public List<DomainEvent> events() {
        return event == null ? List.of() : List.of(event);
    }
}
