package se.municipality.eops.contract.permission;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * An active grant (or one awaiting training) was ended before its time: its holder no longer has
 * the role from {@code occurredAt} on.
 *
 * @param requestId the request that asked for the revocation, if one did
 * @param decidedBy who revoked it (a personId, or {@code system} for an overdue access review)
 * @param cause why: a request, an administrator's access-review decision, or an access review
 *     left unconfirmed past its deadline
 * @param reason the reason in words
 */
public record PermissionRevoked(
        UUID eventId,
        String grantId,
        Instant occurredAt,
        String requestId,
        PermissionRole role,
        String eServiceId,
        Person person,
        Group group,
        String decidedBy,
        RevocationCause cause,
        String reason)
        implements DomainEvent {

    public enum RevocationCause {
        REQUEST,
        ACCESS_REVIEW,
        ACCESS_REVIEW_OVERDUE
    }

    @Override
    public String aggregateId() {
        return grantId;
    }
}
