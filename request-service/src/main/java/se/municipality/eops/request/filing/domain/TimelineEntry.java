package se.municipality.eops.request.filing.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a request's history.
 *
 * @param sequence the entry's 1-based position in the request's timeline; it orders the entries and lets
 *     a client that has seen entry n ask for what came after (requests stored before entries had one read
 *     it as their position)
 * @param at when it happened
 * @param kind what kind of step: a status change, a comment, an assignment, ...
 * @param status the request's status after this step
 * @param actor who did it: a user id, or the name of the service whose event caused it
 * @param causeEventType the type of the event that caused the step, if an event did
 * @param causeEventId the id of that event
 * @param reason why, for people: a rejection's or failure's reason, a comment's text, an outcome
 * @param note anything else worth showing (e.g. to whom a request was assigned)
 */
public record TimelineEntry(
        int sequence,
        Instant at,
        Kind kind,
        RequestStatus status,
        String actor,
        String causeEventType,
        String causeEventId,
        String reason,
        String note) {

    public enum Kind {
        /** The status changed (also the first entry: the request was filed). */
        STATUS_CHANGED,
        /** The requester or the team commented. */
        COMMENTED,
        /** The team assigned the request to one of its members. */
        ASSIGNED,
        /** An event for a stage the request had already passed arrived late; it changed nothing. */
        LATE_EVENT,
        /** The request waited longer in its status than the SLA allows. */
        OVERDUE,
        /**
         * One of the purges a RETENTION request is answered by (one per rule) was made, approved or done while others
         * are not: the request's status stays, the entry says how far that purge came and how many are done.
         */
        PURGE_PROGRESS
    }

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        // Entries stored before entries had a kind were all status changes.
        kind = kind == null ? Kind.STATUS_CHANGED : kind;
    }

    /** A status change caused by an event (or, without one, by a person's action). */
    public static TimelineEntry statusChanged(
            int sequence,
            Instant at,
            RequestStatus status,
            String actor,
            String causeEventType,
            String causeEventId,
            String reason) {
        return new TimelineEntry(
                sequence, at, Kind.STATUS_CHANGED, status, actor, causeEventType, causeEventId, reason, null);
    }

    /** The same entry at another position; used to number entries stored before they had a sequence. */
    public TimelineEntry withSequence(int newSequence) {
        return new TimelineEntry(newSequence, at, kind, status, actor, causeEventType, causeEventId, reason, note);
    }
}
