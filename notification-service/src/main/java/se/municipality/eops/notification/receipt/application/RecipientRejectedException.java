package se.municipality.eops.notification.receipt.application;

/** The mail server refused the recipient for good (an SMTP 5xx to the address, or no valid address). */
public class RecipientRejectedException extends RuntimeException {

    public RecipientRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
