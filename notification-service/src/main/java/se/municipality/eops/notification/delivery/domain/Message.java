package se.municipality.eops.notification.delivery.domain;

import java.util.Objects;

/**
 * What a notification says, rendered once when its event arrived, so that every attempt sends the
 * same thing whatever the templates or preferences are by then.
 *
 * @param language the language it is written in ({@code sv} or {@code en})
 * @param html the same text as HTML, for the HTML part of an e-mail; null for plain text only
 * @param link where the recipient follows the request in the web front end; null when there is none
 */
public record Message(String language, String subject, String text, String html, String link) {

    public Message {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
