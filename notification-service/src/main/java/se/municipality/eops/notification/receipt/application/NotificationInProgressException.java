package se.municipality.eops.notification.receipt.application;

/**
 * Another attempt is sending this notification right now, so this delivery of the event must not.
 * Thrown so that the binder retries later; by then the other attempt has recorded its outcome, or
 * its claim has expired.
 */
public class NotificationInProgressException extends RuntimeException {

    public NotificationInProgressException(String notificationId) {
        super("notification " + notificationId + " is being sent by another attempt");
    }
}
