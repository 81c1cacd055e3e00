package se.municipality.eops.request.filing.persistence;

import java.time.Instant;
import se.municipality.eops.request.filing.domain.RequestStatus;
import se.municipality.eops.request.filing.domain.TimelineEntry;

/**
 * A timeline entry as stored. Its own type because entries stored before entries had a sequence and a kind
 * have neither: they read as null here and the domain numbers them by their position.
 */
record StoredTimelineEntry(
        Integer sequence,
        Instant at,
        TimelineEntry.Kind kind,
        RequestStatus status,
        String actor,
        String causeEventType,
        String causeEventId,
        String reason,
        String note) {

    static StoredTimelineEntry of(TimelineEntry entry) {
        return new StoredTimelineEntry(
                entry.sequence(),
                entry.at(),
                entry.kind(),
                entry.status(),
                entry.actor(),
                entry.causeEventType(),
                entry.causeEventId(),
                entry.reason(),
                entry.note());
    }

    TimelineEntry toDomain() {
        return new TimelineEntry(
                sequence == null ? 0 : sequence, at, kind, status, actor, causeEventType, causeEventId, reason, note);
    }
}
