package se.municipality.eops.request.filing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Why a request FAILED, as its status change recorded it: nobody refused it (that would be a {@link Rejection}), what
 * it asked for could not come about. Read from the timeline's FAILED entry, so requests that failed before the view
 * showed it have it too.
 *
 * @param reasonCode the kind of failure, known from the event that caused it; null for an event of another type
 * @param reason why, for people (the purge's failure, the plan's or grant's end)
 * @param failedBy the service whose event failed it
 * @param causeEventType the type of that event
 * @param causeEventId its id
 * @param at when the request failed
 */
public record Failure(
        ReasonCode reasonCode, String reason, String failedBy, String causeEventType, String causeEventId, Instant at) {

    /** The kinds of failure, by the event that causes each (see the status machine, {@code DownstreamEvents}). */
    public enum ReasonCode {
        /** {@code PurgeFailed}: the purge could not be made; nothing was deleted by it. */
        PURGE_FAILED("PurgeFailed"),
        /** {@code PurgePlanExpired}: no archivist approved the purge plan in time. */
        PURGE_PLAN_EXPIRED("PurgePlanExpired"),
        /** {@code PermissionRevoked}: the grant waiting for training was revoked (by another request, a review). */
        AWAITED_GRANT_REVOKED("PermissionRevoked"),
        /** {@code PermissionExpired}: the grant waiting for training expired before the training was recorded. */
        AWAITED_GRANT_EXPIRED("PermissionExpired");

        private final String causeEventType;

        ReasonCode(String causeEventType) {
            this.causeEventType = causeEventType;
        }

        static ReasonCode causedBy(String eventType) {
            for (ReasonCode code : values()) {
                if (code.causeEventType.equals(eventType)) {
                    return code;
                }
            }
            return null;
        }
    }

    /** The failure the timeline records: its status change into FAILED, if it has one. */
    public static Optional<Failure> of(RequestStatus status, List<TimelineEntry> timeline) {
        if (status != RequestStatus.FAILED) {
            return Optional.empty();
        }
        return timeline.stream()
                .filter(entry ->
                        entry.kind() == TimelineEntry.Kind.STATUS_CHANGED && entry.status() == RequestStatus.FAILED)
                .findFirst()
                .map(entry -> new Failure(
                        ReasonCode.causedBy(entry.causeEventType()),
                        entry.reason(),
                        entry.actor(),
                        entry.causeEventType(),
                        entry.causeEventId(),
                        entry.at()));
    }
}
