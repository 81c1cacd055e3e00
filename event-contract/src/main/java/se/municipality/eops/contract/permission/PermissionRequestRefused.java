package se.municipality.eops.contract.permission;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * permission-service could not carry out a permission request; request-service turns it into
 * feedback for the requester. Key = {@code requestId}.
 *
 * @param reasonCode what kind of refusal, for code to route on
 * @param reason the same in words, for people
 * @param change what was asked: GRANT or REVOKE
 * @param group the group asked about (its {@code groupId} when the group exists)
 * @param existingGrantId for ALREADY_GRANTED: the grant the holder already has
 */
public record PermissionRequestRefused(
        UUID eventId,
        String requestId,
        Instant occurredAt,
        ReasonCode reasonCode,
        String reason,
        Change change,
        PermissionRole role,
        String eServiceId,
        Person person,
        Group group,
        String existingGrantId)
        implements DomainEvent {

    public enum ReasonCode {
        /** The person or group already holds (or awaits training for) that role on that e-service. */
        ALREADY_GRANTED,
        /** A revocation of a role the person or group does not hold. */
        NOT_GRANTED,
        /** Groups hold the case-handler role only. */
        GROUP_ROLE_NOT_ALLOWED,
        /** Editor and case-handler grants need an e-service. */
        E_SERVICE_MISSING
    }

    public enum Change {
        GRANT,
        REVOKE
    }

    @Override
    public String aggregateId() {
        return requestId;
    }
}
