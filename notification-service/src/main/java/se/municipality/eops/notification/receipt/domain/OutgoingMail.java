package se.municipality.eops.notification.receipt.domain;

import java.util.Objects;

/**
 * A plain-text e-mail ready to send.
 *
 * @param reference stable for the notification, so every attempt sends the same message; the mail
 *     adapter turns it into the {@code Message-ID}, which lets mail systems that deduplicate on it
 *     drop a copy sent twice
 */
public record OutgoingMail(String reference, String to, String subject, String body) {

    public OutgoingMail {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
