package se.municipality.eops.contract.publication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;

/**
 * A publication request was stopped before review; nothing was sent to the reference group. For
 * {@link Reason#CHECKLIST_INCOMPLETE} the event names every mandatory item of the checklist version in
 * force at filing time that the requester did not confirm.
 *
 * @param requestId the publication request that was blocked
 * @param checklistVersion the checklist version the request was judged against
 * @param missingItems the mandatory items not confirmed (for {@code CHECKLIST_INCOMPLETE})
 * @param detail a sentence for people saying why
 */
public record PublicationBlocked(
        UUID eventId,
        String eServiceId,
        Instant occurredAt,
        String requestId,
        String eServiceName,
        String versionLabel,
        Reason reason,
        Integer checklistVersion,
        List<ChecklistItemRef> missingItems,
        String detail)
        implements DomainEvent {

    /** Why the publication was blocked. */
    public enum Reason {
        /** A mandatory checklist item was not confirmed. */
        CHECKLIST_INCOMPLETE,
        /** A new version was asked for an e-service the catalogue does not know. */
        UNKNOWN_ESERVICE,
        /** A brand-new e-service was asked for with an id the catalogue already has. */
        ESERVICE_ALREADY_EXISTS,
        /** The e-service already has a version in review or waiting to be published. */
        PUBLICATION_IN_PROGRESS
    }

    @Override
    public String aggregateId() {
        return eServiceId;
    }
}
