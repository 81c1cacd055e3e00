package se.municipality.eops.notification.delivery.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.municipality.eops.contract.notification.Channel;

/**
 * Where notifications are kept. Every write stores the state together with the events the
 * notification raised, in one atomic write, so an event is published if and only if its state
 * change happened.
 */
public interface Notifications {

    Optional<Notification> find(String id);

    /** Stores a new notification; false if one with its id exists already (someone claimed it first). */
    boolean insertIfAbsent(Notification notification);

    /**
     * Stores new notifications in one write, each unless one with its id exists already; returns the ids of those it
     * stored (the others were claimed before, e.g. by an earlier delivery of their event).
     */
    Set<String> insertAllIfAbsent(List<Notification> notifications);

    /**
     * Stores the notification's changes; false if it was changed by someone else since it was read,
     * in which case nothing is written.
     */
    boolean update(Notification notification);

    /**
     * Pending notifications of one channel no attempt holds at {@code now} (never claimed, or their claim or
     * retry delay ran out), in {@link Notification#SWEEP_ORDER}: never tried first, then the least recently tried.
     * Per channel, so that the backlog of a channel that is down never
     * fills the sweep's batch while another channel could send.
     */
    List<Notification> pendingDue(Instant now, Channel channel, int limit);

    /** The record of notifications matching the filter, oldest first, one page of them. */
    Page search(NotificationFilter filter, int page, int size);

    /** One page of a search. */
    record Page(List<Notification> content, int page, int size, long totalElements) {}

    /** The notifications about a request, oldest first. */
    List<Notification> findByRequestId(String requestId);
}
