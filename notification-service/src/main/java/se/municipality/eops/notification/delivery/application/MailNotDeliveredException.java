package se.municipality.eops.notification.delivery.application;

/**
 * Sending failed in a way that may pass: the server is down or slow, refused us for now (4xx), our
 * credentials are wrong, or the channel's circuit breaker is open. The notification stays pending and
 * a later attempt sends it.
 */
public class MailNotDeliveredException extends RuntimeException {

    public MailNotDeliveredException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
