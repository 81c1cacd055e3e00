package se.municipality.eops.contract.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A request has waited in its status longer than the service level allows. Published once per stay in a status.
 *
 * @param status the status it has waited in
 * @param statusSince since when
 * @param allowed how long a request may wait in that status (ISO-8601 duration)
 * @param assignee the user id of the team member it is assigned to, if any
 * @param remind whom to remind, by role
 */
public record RequestOverdue(
        UUID eventId,
        String requestId,
        Instant occurredAt,
        Requester requester,
        RequestType requestType,
        String eServiceId,
        RequestStatusCode status,
        Instant statusSince,
        Duration allowed,
        String assignee,
        List<Reminded> remind)
        implements DomainEvent {

    /** Who should hear of an overdue request. A consumer treats a value it does not know as "other". */
    public enum Reminded {
        CENTRAL_TEAM,
        REQUESTER,
        ASSIGNEE
    }

    @Override
    public String aggregateId() {
        return requestId;
    }
}
