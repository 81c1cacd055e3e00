package se.municipality.eops.contract.permission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * The central team recorded that a person completed the administrator training. Key = {@code
 * personId}. Grants that waited for it are activated, each with its own {@link PermissionGranted}.
 *
 * @param personId the person (see {@link PersonIds})
 * @param completedOn the day the training was completed
 * @param course the course taken
 * @param recordedBy who recorded it (a personId of the central team)
 * @param activatedGrantIds the grants that waited for this training and are now active
 */
public record TrainingCompleted(
        UUID eventId,
        String personId,
        Instant occurredAt,
        String name,
        String email,
        LocalDate completedOn,
        String course,
        String recordedBy,
        List<String> activatedGrantIds)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return personId;
    }
}
