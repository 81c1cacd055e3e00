package se.municipality.eops.systemtests;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import se.municipality.eops.testkit.Mailboxes;

/**
 * The SMTP server the services send to (GreenMail in the test JVM, plain SMTP). It can be stopped and started
 * again on the same port; what it received before a stop stays readable here.
 */
public final class MailServer {

    private final int port;
    private final List<MimeMessage> beforeRestarts = new ArrayList<>();
    private GreenMail server;

    MailServer(int port) {
        this.port = port;
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        ServerSetup setup = new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP);
        GreenMail starting = new GreenMail(setup);
        starting.start();
        server = starting;
    }

    /** Stops listening: the services' sends fail until {@link #start()}. */
    synchronized void stop() {
        if (server == null) {
            return;
        }
        beforeRestarts.addAll(Arrays.asList(server.getReceivedMessages()));
        server.stop();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    /** Every message received since the suite started, across restarts, in order. */
    public synchronized List<MimeMessage> all() {
        List<MimeMessage> all = new ArrayList<>(beforeRestarts);
        if (server != null) {
            all.addAll(Arrays.asList(server.getReceivedMessages()));
        }
        return all;
    }

    /** The messages with {@code address} among their recipients. */
    public List<MimeMessage> to(String address) {
        return Mailboxes.to(all(), address);
    }

    /** The messages to {@code address} whose subject contains {@code subjectPart} (ignoring case). */
    public List<MimeMessage> to(String address, String subjectPart) {
        return to(address).stream()
                .filter(message -> subject(message).toLowerCase().contains(subjectPart.toLowerCase()))
                .toList();
    }

    /** Waits (at most 60 s) until a message to {@code address} matches, and returns the first that does. */
    public MimeMessage awaitMailTo(String address, Predicate<MimeMessage> matching) {
        return await("a mail to " + address)
                .atMost(Duration.ofSeconds(60))
                .until(() -> to(address).stream().filter(matching).toList(), found -> !found.isEmpty())
                .get(0);
    }

    /**
     * Waits until exactly {@code count} messages to {@code address} match and then stays so for 3 s, so that a
     * second copy on its way is seen: for "once".
     */
    public void awaitExactly(String address, Predicate<MimeMessage> matching, int count) {
        try {
            await("exactly " + count + " matching mail(s) to " + address)
                    .atMost(Duration.ofSeconds(60))
                    .during(Duration.ofSeconds(3))
                    .until(() -> to(address).stream().filter(matching).count() == count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "expected exactly " + count + " matching mail(s) to " + address + "; all mails to them: "
                            + subjects(address),
                    e);
        }
    }

    /** The subjects of the messages to {@code address}, for failure messages. */
    public List<String> subjects(String address) {
        return to(address).stream().map(MailServer::subject).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject;
        } catch (MessagingException e) {
            return "";
        }
    }

    /** The text of a message (its plain body, or every part's text). */
    /** The mail's plain-text part as a reader sees it: decoded, whatever its transfer encoding and nesting. */
    public static String text(MimeMessage message) {
        try {
            String text = plainText(message.getContent());
            return text != null ? text : "";
        } catch (MessagingException | java.io.IOException unreadable) {
            throw new IllegalStateException("cannot read a mail: " + unreadable.getMessage(), unreadable);
        }
    }

    private static String plainText(Object content) throws MessagingException, java.io.IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                jakarta.mail.BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.isMimeType("multipart/*")) {
                    String text = plainText(part.getContent());
                    if (text != null) {
                        return text;
                    }
                }
            }
        }
        return null;
    }
}
