package se.municipality.eops.notification.delivery.messaging;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import se.municipality.eops.notification.delivery.application.MailGateway;
import se.municipality.eops.notification.delivery.application.MailNotDeliveredException;
import se.municipality.eops.notification.delivery.application.RecipientRejectedException;
import se.municipality.eops.notification.delivery.domain.OutgoingMail;
import se.municipality.eops.notification.delivery.messaging.SmtpConnections.SmtpConnection;

/**
 * Sends mail over SMTP, over connections kept open between mails ({@link SmtpConnections}), and sorts
 * failures into the recipient being refused for good (the server answered the address with a 5xx, or
 * it is no address at all) and everything else, which may pass and is retried.
 */
@Component
class SmtpMailGateway implements MailGateway {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailGateway.class);
    private static final String MESSAGE_ID = "Message-ID";

    private final SmtpConnections connections;
    private final InternetAddress from;

    SmtpMailGateway(SmtpConnections connections, @Value("${eops.mail.from:e-tjanster@kommun.example}") String from) {
        this.connections = connections;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("eops.mail.from is not an e-mail address: " + from, e);
        }
    }

    @Override
    public void send(OutgoingMail mail) {
        // Spring's message carries the sender's file type map: MimeMessageHelper on a plain MimeMessage
        // would build a new one per mail, reading mime.types files and scanning every jar.
        MimeMessage message = connections.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null, "UTF-8");
            helper.setFrom(from);
            helper.setTo(new InternetAddress(mail.to(), true));
            helper.setSubject(mail.subject());
            if (mail.html() == null) {
                helper.setText(mail.body(), false);
            } else {
                helper.setText(mail.body(), mail.html()); // multipart/alternative: plain text, then HTML
            }
            // The same id on every attempt: mail systems that deduplicate on it drop a second copy.
            message.setHeader(MESSAGE_ID, messageId(mail.reference()));
            // RFC 3834: an automatic message, so out-of-office replies are not sent back to us.
            message.setHeader("Auto-Submitted", "auto-generated");
        } catch (AddressException notAnAddress) {
            throw new RecipientRejectedException(
                    "not a valid e-mail address: " + notAnAddress.getMessage(), notAnAddress);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the mail " + mail.reference(), e);
        }
        try {
            deliver(message, mail.reference());
        } catch (MessagingException e) {
            String refused = refusedRecipients(e);
            if (refused != null) {
                throw new RecipientRejectedException(refused, e);
            }
            throw new MailNotDeliveredException(describe(e), e);
        }
    }

    private void deliver(MimeMessage message, String reference) throws MessagingException {
        SmtpConnection connection = connections.take();
        try {
            connection.send(message);
        } catch (MessagingException failure) {
            connections.discard(connection);
            if (!connection.usedBefore() || refusedRecipients(failure) != null) {
                throw failure;
            }
            // A kept connection that failed has most likely been closed by the server meanwhile
            // (idle timeout, restart, its limit of mails per connection), before it took this mail:
            // once more over a new connection. A refusal for good is the server's answer and stands.
            log.info("Kept SMTP connection failed ({}); sending {} over a new one", describe(failure), reference);
            connection = connections.open();
            try {
                connection.send(message);
            } catch (MessagingException again) {
                connections.discard(connection);
                throw again;
            }
        } catch (RuntimeException unexpected) {
            connections.discard(connection);
            throw unexpected;
        }
        connections.giveBack(connection);
    }

    String messageId(String reference) {
        String local = reference.replaceAll("[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]", ".");
        String address = from.getAddress();
        String domain = address.substring(address.indexOf('@') + 1);
        return "<" + local + "@" + domain + ">";
    }

    /**
     * The server's answer when it refused recipients for good, else null. Jakarta Mail lists the
     * addresses refused with a 5xx as invalid; those refused with a 4xx (try later) as valid but unsent.
     */
    private static String refusedRecipients(MessagingException failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof SendFailedException sendFailed
                    && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0) {
                return "recipient refused: " + serverAnswer(sendFailed);
            }
        }
        return null;
    }

    private static String serverAnswer(SendFailedException sendFailed) {
        // The nested exception per address carries the server's reply, e.g. "550 5.1.1 no such user".
        List<Throwable> chain = causes(sendFailed);
        for (Throwable cause : chain.subList(1, chain.size())) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage().strip();
            }
        }
        return Arrays.stream(sendFailed.getInvalidAddresses())
                        .map(Address::toString)
                        .collect(Collectors.joining(", "))
                + " invalid";
    }

    /** The exception and its causes; Jakarta Mail chains them as "next exceptions". */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause) && chain.size() < 10; ) {
            chain.add(cause);
            cause = cause instanceof MessagingException messaging ? messaging.getNextException() : cause.getCause();
        }
        return chain;
    }

    private static String describe(MessagingException e) {
        List<Throwable> chain = causes(e);
        Throwable root = chain.get(chain.size() - 1);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return e.getClass().getSimpleName() + ": " + message.strip();
    }
}
