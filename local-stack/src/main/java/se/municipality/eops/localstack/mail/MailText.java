package se.municipality.eops.localstack.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.Optional;

/** Finds the readable text of a mail: its plain-text part if there is one, else its HTML part as source. */
final class MailText {

    private MailText() {}

    static String of(Part message) {
        try {
            return find(message, "text/plain")
                    .or(() -> find(message, "text/html"))
                    .orElse("");
        } catch (RuntimeException e) {
            return "(cannot read this mail's body: " + e.getMessage() + ")";
        }
    }

    private static Optional<String> find(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return Optional.of(String.valueOf(part.getContent()));
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    Optional<String> text = find(child, mimeType);
                    if (text.isPresent()) {
                        return text;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
