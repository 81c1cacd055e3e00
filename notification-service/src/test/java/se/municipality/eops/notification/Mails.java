package se.municipality.eops.notification;

import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import se.municipality.eops.testkit.Mailboxes;

/** Reads the mails the tests look at: shared mailboxes are told apart by a unique reference in the subject. */
public final class Mails {

    private Mails() {}

    public static List<MimeMessage> to(String address, String subjectContains) {
        return Mailboxes.to(address).stream()
                .filter(mail -> subject(mail).contains(subjectContains))
                .toList();
    }

    public static MimeMessage awaitOne(String address, String subjectContains) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> to(address, subjectContains), found -> !found.isEmpty())
                .get(0);
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part of the given type (text/plain, text/html), searched through nested multiparts. */
    public static String part(Part mail, String type) {
        try {
            if (mail.isMimeType(type)) {
                return mail.getContent().toString().replace("\r\n", "\n");
            }
            if (mail.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String found = part(body, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
