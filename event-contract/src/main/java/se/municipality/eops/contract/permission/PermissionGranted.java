package se.municipality.eops.contract.permission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A grant became active: its person, or every member of its group, now holds the role (on the
 * e-service, for editors and case handlers). For administrators this happens only once the person's
 * training is on record. Exactly one of {@code person} and {@code group} is set; groups hold the
 * case-handler role only.
 *
 * @param requestId the request the grant answers, when it answers one
 * @param eServiceId the e-service the role applies to; required for editors and case handlers, set
 *     for administrators of one e-service
 * @param validFrom from when the grant is valid, if it has a start
 * @param validUntil when the grant expires, if it is time-bounded
 * @param decidedBy who decided the grant (a personId, or {@code system} for demo data)
 * @param trainingCompletedOn for administrators: the training that let the grant activate
 */
public record PermissionGranted(
        UUID eventId,
        String grantId,
        Instant occurredAt,
        String requestId,
        PermissionRole role,
        String eServiceId,
        String eServiceName,
        Person person,
        Group group,
        Instant validFrom,
        Instant validUntil,
        String decidedBy,
        LocalDate trainingCompletedOn)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return grantId;
    }
}
