package se.municipality.eops.request.filing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.request.RequestCommented;
import se.municipality.eops.contract.request.RequestCompleted;
import se.municipality.eops.contract.request.RequestOverdue;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestStatusChanged;
import se.municipality.eops.contract.request.RequestStatusCode;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.contract.request.Requester;

/**
 * A request filed by an e-service administrator or ambassador. It records what was asked, by whom,
 * its status and its timeline, and collects the events its changes cause until they are stored
 * with it.
 *
 * <p>The status only moves forward: each move names a {@link Milestone}, and a move to a milestone no
 * further than the one reached (an event that arrived late, after a later one) only adds a timeline entry
 * marked {@link TimelineEntry.Kind#LATE_EVENT}. A terminal status is final.
 */
public final class ServiceRequest {

    /** The actor of the SLA's entries. */
    public static final String SLA_ACTOR = "request-service";

    private final String id;
    private final Requester requester;
    private final RequestDetails details;
    private final Instant submittedAt;
    private final Long version;
    private RequestStatus status;
    private final List<TimelineEntry> timeline;
    private final int storedEntries;
    private int rank;
    private Instant statusSince;
    private String assignee;
    private boolean overdue;
    private Rejection rejection;
    private String outcome;
    private PurgePlans purgePlans;
    private final List<DomainEvent> newEvents = new ArrayList<>();

    private ServiceRequest(
            String id,
            Requester requester,
            RequestDetails details,
            Instant submittedAt,
            RequestStatus status,
            List<TimelineEntry> timeline,
            Long version,
            Lifecycle lifecycle) {
        this.id = Objects.requireNonNull(id);
        this.requester = Objects.requireNonNull(requester);
        this.details = Objects.requireNonNull(details);
        this.submittedAt = Objects.requireNonNull(submittedAt);
        this.status = Objects.requireNonNull(status);
        this.timeline = new ArrayList<>(timeline.size());
        for (TimelineEntry entry : timeline) {
            this.timeline.add(entry.sequence() > 0 ? entry : entry.withSequence(this.timeline.size() + 1));
        }
        this.storedEntries = this.timeline.size();
        this.version = version;
        this.rank = Math.max(lifecycle.rank(), Milestone.lowestRankOf(status));
        this.statusSince = lifecycle.statusSince() != null ? lifecycle.statusSince() : lastEntryTime(submittedAt);
        this.assignee = lifecycle.assignee();
        this.overdue = lifecycle.overdue();
        this.rejection = lifecycle.rejection();
        this.outcome = lifecycle.outcome();
        this.purgePlans = lifecycle.purgePlans();
    }

    /** Files a new request, or throws {@link RequestRuleViolation} naming what is wrong. */
    public static ServiceRequest file(String id, Requester requester, RequestDetails details, Instant now) {
        RequestRules.check(details, now);
        UUID eventId = UUID.randomUUID();
        ServiceRequest request = new ServiceRequest(
                id,
                requester,
                details,
                now,
                RequestStatus.SUBMITTED,
                List.of(TimelineEntry.statusChanged(
                        1,
                        now,
                        RequestStatus.SUBMITTED,
                        requester.userId(),
                        "RequestSubmitted",
                        eventId.toString(),
                        null)),
                null,
                Lifecycle.filed(now));
        request.newEvents.add(new RequestSubmitted(
                eventId,
                id,
                now,
                details.type(),
                requester,
                details.publication(),
                details.purge(),
                details.permission()));
        return request;
    }

    /**
     * Rebuilds a stored request; no events are raised. Entries stored before entries had a sequence are
     * numbered by their position.
     */
    public static ServiceRequest restore(
            String id,
            Requester requester,
            RequestDetails details,
            Instant submittedAt,
            RequestStatus status,
            List<TimelineEntry> timeline,
            Long version) {
        return restore(id, requester, details, submittedAt, status, timeline, version, Lifecycle.filed(null));
    }

    /** Rebuilds a stored request with where it is in its life; no events are raised. */
    public static ServiceRequest restore(
            String id,
            Requester requester,
            RequestDetails details,
            Instant submittedAt,
            RequestStatus status,
            List<TimelineEntry> timeline,
            Long version,
            Lifecycle lifecycle) {
        return new ServiceRequest(id, requester, details, submittedAt, status, timeline, version, lifecycle);
    }

    /** What a move did. */
    public enum Moved {
        /** The status changed. */
        YES,
        /** The request had come as far or further: only a timeline entry marked late was added. */
        LATE,
        /** The status stays: a timeline entry tells how one of the request's purges came on. */
        PROGRESS
    }

    /**
     * Moves the request to the transition's milestone if that is further than it has come; otherwise (an
     * event that arrived after a later one, or any event after a terminal status) only notes it on the
     * timeline as late. A status change adds a timeline entry and raises {@link RequestStatusChanged}, and
     * into REJECTED, COMPLETED or WITHDRAWN also the specific event.
     */
    public Moved move(Transition transition, Instant now) {
        Milestone milestone = transition.milestone();
        if (milestone.rank() <= rank) {
            return noteLate(
                    transition.actor(),
                    transition.causeEventType(),
                    transition.causeEventId(),
                    transition.reason(),
                    now);
        }
        RequestStatus from = status;
        status = milestone.status();
        rank = milestone.rank();
        statusSince = now;
        overdue = false;
        if (transition.rejection() != null) {
            rejection = transition.rejection();
        }
        if (transition.outcome() != null) {
            outcome = transition.outcome();
        }
        int sequence = nextSequence();
        timeline.add(new TimelineEntry(
                sequence,
                now,
                TimelineEntry.Kind.STATUS_CHANGED,
                status,
                transition.actor(),
                transition.causeEventType(),
                transition.causeEventId(),
                transition.reason(),
                transition.outcome()));
        newEvents.add(new RequestStatusChanged(
                UUID.randomUUID(),
                id,
                now,
                requester,
                details.type(),
                details.eServiceId(),
                details.eServiceName(),
                code(from),
                code(status),
                sequence,
                transition.actor(),
                transition.causeEventType(),
                transition.causeEventId(),
                transition.reason(),
                rejection == null || rejection.missingItems().isEmpty() ? null : rejection.missingItems()));
        switch (milestone) {
            case REJECTED ->
                newEvents.add(new RequestRejected(
                        UUID.randomUUID(),
                        id,
                        now,
                        requester,
                        details.type(),
                        details.eServiceId(),
                        details.eServiceName(),
                        rejection.rejectedBy(),
                        rejection.reasonCode(),
                        rejection.reason(),
                        rejection.missingItems().isEmpty() ? null : rejection.missingItems()));
            case COMPLETED ->
                newEvents.add(new RequestCompleted(
                        UUID.randomUUID(),
                        id,
                        now,
                        requester,
                        details.type(),
                        details.eServiceId(),
                        details.eServiceName(),
                        outcome,
                        transition.causeEventType(),
                        transition.causeEventId()));
            case WITHDRAWN ->
                newEvents.add(new RequestWithdrawn(
                        UUID.randomUUID(),
                        id,
                        now,
                        requester,
                        details.type(),
                        details.eServiceId(),
                        transition.actor(),
                        transition.reason()));
            default -> {
                // Every other move is told by RequestStatusChanged alone.
            }
        }
        return Moved.YES;
    }

    /**
     * Notes an event that changes nothing (it came after a later one, or the request has ended) on the timeline as
     * {@link TimelineEntry.Kind#LATE_EVENT}, with what it told ({@code reason}).
     */
    public Moved noteLate(String actor, String causeEventType, String causeEventId, String reason, Instant now) {
        timeline.add(new TimelineEntry(
                nextSequence(),
                now,
                TimelineEntry.Kind.LATE_EVENT,
                status,
                actor,
                causeEventType,
                causeEventId,
                reason,
                "arrived after the request had reached " + status + "; changed nothing"));
        return Moved.LATE;
    }

    /**
     * Keeps how far the purges that answer this RETENTION request came ({@link PurgePlans}); stored with the next
     * change. The status machine moves the request by them ({@code lifecycle.domain.RetentionPurges}).
     */
    public void recordPurgePlans(PurgePlans plans) {
        purgePlans = Objects.requireNonNull(plans, "plans");
    }

    /**
     * One of the purges of this RETENTION request came on while others have not: the status stays, and the timeline
     * gets a {@link TimelineEntry.Kind#PURGE_PROGRESS} entry saying so ({@code text}); on an ended request a late
     * event's entry instead, which keeps the text (what a purge still did, e.g. purged cases after a withdrawal).
     */
    public Moved noteProgress(String actor, String causeEventType, String causeEventId, String text, Instant now) {
        if (status.terminal()) {
            return noteLate(actor, causeEventType, causeEventId, text, now);
        }
        timeline.add(new TimelineEntry(
                nextSequence(),
                now,
                TimelineEntry.Kind.PURGE_PROGRESS,
                status,
                actor,
                causeEventType,
                causeEventId,
                null,
                text));
        return Moved.PROGRESS;
    }

    /** Whether the request has come as far as {@code milestone}'s rank (or further). */
    public boolean hasReached(Milestone milestone) {
        return rank >= milestone.rank();
    }

    /** The requester takes back a request not yet carried out. */
    public void withdraw(String userId, String reason, Instant now) {
        requireOpen("withdrawn");
        move(new Transition(Milestone.WITHDRAWN, userId, null, null, reason, null, null), now);
    }

    /** A central-team member rejects the request. */
    public void rejectByTeam(String memberId, String reason, Instant now) {
        requireOpen("rejected");
        move(
                Transition.rejected(
                        new Rejection(RequestRejected.ReasonCode.REJECTED_BY_TEAM, reason, memberId, null), null, null),
                now);
    }

    /**
     * A central-team member assigns the request to a member of the team (maybe themself). A submitted request
     * is thereby taken up: IN_PROGRESS.
     */
    public void assign(String memberId, String assignedBy, Instant now) {
        requireOpen("assigned");
        assignee = memberId;
        timeline.add(new TimelineEntry(
                nextSequence(),
                now,
                TimelineEntry.Kind.ASSIGNED,
                status,
                assignedBy,
                null,
                null,
                null,
                "assigned to " + memberId));
        if (status == RequestStatus.SUBMITTED) {
            move(Transition.to(Milestone.TAKEN_UP, assignedBy, null, null), now);
        }
    }

    /**
     * The requester or a central-team member comments; also on a closed request (a question about a
     * rejection). The comment's id is {@code c-<its timeline sequence>}.
     */
    public String comment(String author, RequestCommented.AuthorRole role, String text, Instant now) {
        int sequence = nextSequence();
        String commentId = "c-" + sequence;
        timeline.add(new TimelineEntry(
                sequence, now, TimelineEntry.Kind.COMMENTED, status, author, null, null, text, commentId));
        newEvents.add(new RequestCommented(UUID.randomUUID(), id, now, requester, commentId, author, role, text));
        return commentId;
    }

    /**
     * Marks the request overdue if it has been in its (open) status longer than {@code allowed} and is not
     * marked yet; once per stay in a status, since every status change clears the mark.
     *
     * @return whether it marked it now
     */
    public boolean markOverdueIfLate(Duration allowed, Instant now) {
        if (overdue || status.terminal() || statusSince.plus(allowed).isAfter(now)) {
            return false;
        }
        overdue = true;
        timeline.add(new TimelineEntry(
                nextSequence(),
                now,
                TimelineEntry.Kind.OVERDUE,
                status,
                SLA_ACTOR,
                null,
                null,
                null,
                "in " + status + " since " + statusSince + ", longer than the " + allowed + " allowed"));
        List<RequestOverdue.Reminded> remind = assignee == null
                ? List.of(RequestOverdue.Reminded.CENTRAL_TEAM)
                : List.of(RequestOverdue.Reminded.CENTRAL_TEAM, RequestOverdue.Reminded.ASSIGNEE);
        newEvents.add(new RequestOverdue(
                UUID.randomUUID(),
                id,
                now,
                requester,
                details.type(),
                details.eServiceId(),
                code(status),
                statusSince,
                allowed,
                assignee,
                remind));
        return true;
    }

    private void requireOpen(String action) {
        if (status.terminal()) {
            throw new RequestClosedException(id, status, action);
        }
    }

    private int nextSequence() {
        return timeline.size() + 1;
    }

    private Instant lastEntryTime(Instant fallback) {
        return timeline.isEmpty() ? fallback : timeline.get(timeline.size() - 1).at();
    }

    private static RequestStatusCode code(RequestStatus status) {
        return RequestStatusCode.valueOf(status.name());
    }

    /** The requester sees their own requests; the central team sees all. */
    public boolean isVisibleTo(String userId, boolean centralTeam) {
        return centralTeam || requester.userId().equals(userId);
    }

    public List<DomainEvent> newEvents() {
        return List.copyOf(newEvents);
    }

    /** The timeline entries added since the request was read (or filed), to append to the stored ones. */
    public List<TimelineEntry> newTimelineEntries() {
        return List.copyOf(timeline.subList(storedEntries, timeline.size()));
    }

    public String id() {
        return id;
    }

    public RequestDetails details() {
        return details;
    }

    public Requester requester() {
        return requester;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public RequestStatus status() {
        return status;
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    public Long version() {
        return version;
    }

    /** Why it failed, when it did (from its status change into FAILED). */
    public Optional<Failure> failure() {
        return Failure.of(status, timeline);
    }

    public Lifecycle lifecycle() {
        return new Lifecycle(rank, statusSince, assignee, overdue, rejection, outcome, purgePlans);
    }

    /** The purges this RETENTION request is answered by, as far as their events told; none for other requests. */
    public PurgePlans purgePlans() {
        return purgePlans;
    }
}
