package se.municipality.eops.notification.delivery.domain;

import java.util.Objects;

/**
 * What a notification says, rendered once when its event arrived, so that every attempt sends the
 * same thing whatever the templates or preferences are by then.
 *
 * @param language the language it is written in ({@code sv} or {@code en})
 * @param html the same text as HTML, for the HTML part of an e-mail; null for plain text only
 * @param link the page of the web portal the recipient can open about it; null when there is none
 */
public record Message(String language, String subject, String text, String html, String link) {

    public Message {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    /**
     * A message written as plain text, with the same text as its HTML part: paragraphs (blank-line separated) as
     * {@code <p>}, line breaks kept, everything escaped, and the link made clickable.
     */
    public static Message withHtmlPart(String language, String subject, String text, String link) {
        return new Message(language, subject, text, html(text, link), link);
    }

    private static String html(String text, String link) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
        for (String paragraph : text.split("\n\n")) {
            String escaped = escape(paragraph).replace("\n", "<br>");
            if (link != null) {
                String escapedLink = escape(link);
                escaped = escaped.replace(escapedLink, "<a href=\"" + escapedLink + "\">" + escapedLink + "</a>");
            }
            html.append("<p>").append(escaped).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
