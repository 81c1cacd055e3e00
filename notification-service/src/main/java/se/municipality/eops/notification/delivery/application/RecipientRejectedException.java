package se.municipality.eops.notification.delivery.application;

/**
 * The channel refused the recipient or the message for good: an SMTP 5xx to the address, to {@code DATA} or to
 * the message itself (a content policy, its size), no valid address, a 4xx from a webhook. Sending again gives
 * the same answer, and it says nothing about the channel's health.
 */
public class RecipientRejectedException extends RuntimeException {

    public RecipientRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
