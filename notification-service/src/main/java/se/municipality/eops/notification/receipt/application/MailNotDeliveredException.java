package se.municipality.eops.notification.receipt.application;

/**
 * Sending failed in a way that may pass: the server is down or slow, refused us for now (4xx), or
 * our credentials are wrong. The event is retried, then dead-lettered for a replay once it is fixed.
 */
public class MailNotDeliveredException extends RuntimeException {

    public MailNotDeliveredException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
