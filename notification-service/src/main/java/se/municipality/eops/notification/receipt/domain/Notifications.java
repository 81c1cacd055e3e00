package se.municipality.eops.notification.receipt.domain;

import java.util.List;
import java.util.Optional;

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
     * Stores the notification's changes; false if it was changed by someone else since it was read,
     * in which case nothing is written.
     */
    boolean update(Notification notification);

    /** The notifications about a request, oldest first. */
    List<Notification> findByRequestId(String requestId);
}
