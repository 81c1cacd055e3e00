package se.municipality.eops.notification.delivery.application;

/** The channel refused the recipient for good (an SMTP 5xx to the address, no valid address, a 4xx from a webhook). */
public class RecipientRejectedException extends RuntimeException {

    public RecipientRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
