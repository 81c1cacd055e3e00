package se.municipality.eops.notification.delivery.application;

/**
 * The message went out whole, but its channel's answer did not come (an SMTP server silent past the timeout
 * after the final ".", a connection lost then): the channel may have taken it. Neither resent at once nor
 * retried, since that would be a second copy if it did; {@link DeliverNotifications} decides.
 */
public class OutcomeUnknownException extends RuntimeException {

    public OutcomeUnknownException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
