package se.municipality.eops.notification.delivery.application;

/**
 * The send did not reach the channel: its circuit breaker is open and refused it at once. The notification
 * waits like one whose try failed, but this was no try: it keeps its place in the sweep's order and does not
 * count towards giving it up.
 */
public class ChannelUnavailableException extends MailNotDeliveredException {

    public ChannelUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
