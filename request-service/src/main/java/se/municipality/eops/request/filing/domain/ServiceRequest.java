package se.municipality.eops.request.filing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.Requester;

/**
 * A request filed by an e-service administrator or ambassador. It records what was asked, by whom,
 * its status and its timeline, and collects the events its changes cause until they are stored
 * with it.
 */
public final class ServiceRequest {

    private final String id;
    private final Requester requester;
    private final RequestDetails details;
    private final Instant submittedAt;
    private final Long version;
    private RequestStatus status;
    private final List<TimelineEntry> timeline;
    private final List<DomainEvent> newEvents = new ArrayList<>();

    private ServiceRequest(
            String id,
            Requester requester,
            RequestDetails details,
            Instant submittedAt,
            RequestStatus status,
            List<TimelineEntry> timeline,
            Long version) {
        this.id = Objects.requireNonNull(id);
        this.requester = Objects.requireNonNull(requester);
        this.details = Objects.requireNonNull(details);
        this.submittedAt = Objects.requireNonNull(submittedAt);
        this.status = Objects.requireNonNull(status);
        this.timeline = new ArrayList<>(timeline.size());
        for (TimelineEntry entry : timeline) {
            this.timeline.add(entry.sequence() > 0 ? entry : entry.withSequence(this.timeline.size() + 1));
        }
        this.version = version;
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
                null);
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
        return new ServiceRequest(id, requester, details, submittedAt, status, timeline, version);
    }

    /** The requester sees their own requests; the central team sees all. */
    public boolean isVisibleTo(String userId, boolean centralTeam) {
        return centralTeam || requester.userId().equals(userId);
    }

    public List<DomainEvent> newEvents() {
        return List.copyOf(newEvents);
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
}
