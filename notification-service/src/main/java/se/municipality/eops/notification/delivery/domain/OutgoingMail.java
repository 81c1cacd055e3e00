package se.municipality.eops.notification.delivery.domain;

import java.util.Objects;

/**
 * An e-mail ready to send: plain text, and the same as HTML when {@code html} is not null.
 *
 * @param reference stable for the notification, so every attempt sends the same message; the mail
 *     adapter turns it into the {@code Message-ID}, which lets mail systems that deduplicate on it
 *     drop a copy sent twice
 */
public record OutgoingMail(String reference, String to, String subject, String body, String html) {

    public OutgoingMail(String reference, String to, String subject, String body) {
        this(reference, to, subject, body, null);
    }

    public OutgoingMail {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
