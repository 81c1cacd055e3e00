package se.municipality.eops.testkit;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** What the shared SMTP server has received. */
public final class Mailboxes {

    private Mailboxes() {}

    public static List<MimeMessage> to(String address) {
        return to(Arrays.asList(SharedInfrastructure.get().mail().getReceivedMessages()), address);
    }

    /** The messages among {@code received} (of any SMTP server) with {@code address} among their TO recipients. */
    public static List<MimeMessage> to(Collection<MimeMessage> received, String address) {
        return received.stream().filter(message -> isTo(message, address)).toList();
    }

    public static MimeMessage awaitMailTo(String address) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> to(address), list -> !list.isEmpty())
                .get(0);
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(recipient -> ((jakarta.mail.internet.InternetAddress) recipient).getAddress())
                    .anyMatch(address::equalsIgnoreCase);
        } catch (Exception e) {
            return false;
        }
    }
}
