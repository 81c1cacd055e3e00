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
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import se.municipality.eops.notification.delivery.application.MailGateway;
import se.municipality.eops.notification.delivery.application.MailNotDeliveredException;
import se.municipality.eops.notification.delivery.application.OutcomeUnknownException;
import se.municipality.eops.notification.delivery.application.RecipientRejectedException;
import se.municipality.eops.notification.delivery.domain.OutgoingMail;
import se.municipality.eops.notification.delivery.messaging.SmtpConnections.SmtpConnection;

/**
 * Sends mail over SMTP, over connections kept open between mails ({@link SmtpConnections}), and sorts
 * failures ({@link #judge}) into refused for good (a 5xx to the address or the message, or no address at
 * all), not taken but may pass (retried), and outcome unknown (no answer once the whole message went out:
 * never sent again at once, the server may have it).
 */
@Component
class SmtpMailGateway implements MailGateway {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailGateway.class);
    private static final String MESSAGE_ID = "Message-ID";
    private static final int NO_REPLY = -1;

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
        deliver(message, mail.reference());
    }

    private void deliver(MimeMessage message, String reference) {
        SmtpConnection connection;
        try {
            connection = connections.take();
        } catch (MessagingException cannotConnect) {
            throw new MailNotDeliveredException(describe(cannotConnect), cannotConnect);
        }
        try {
            connection.send(message);
        } catch (MessagingException failure) {
            connections.discard(connection);
            RuntimeException verdict = judge(failure, connection.step());
            if (!(verdict instanceof MailNotDeliveredException) || !connection.usedBefore()) {
                throw verdict;
            }
            // A kept connection that failed before the server took this mail has most likely been closed by the
            // server meanwhile (idle timeout, restart, its limit of mails per connection): once more over a new
            // connection. Never after the end of the message went out: the server may have it (judge).
            log.info("Kept SMTP connection failed ({}); sending {} over a new one", describe(failure), reference);
            sendOverANewConnection(message);
            return;
        } catch (RuntimeException unexpected) {
            connections.discard(connection);
            throw unexpected;
        }
        connections.giveBack(connection);
    }

    private void sendOverANewConnection(MimeMessage message) {
        SmtpConnection connection;
        try {
            connection = connections.open();
        } catch (MessagingException cannotConnect) {
            throw new MailNotDeliveredException(describe(cannotConnect), cannotConnect);
        }
        try {
            connection.send(message);
        } catch (MessagingException again) {
            connections.discard(connection);
            throw judge(again, connection.step());
        } catch (RuntimeException unexpected) {
            connections.discard(connection);
            throw unexpected;
        }
        connections.giveBack(connection);
    }

    /**
     * What a failed send means, by the server's reply (if any) and how far the message got:
     *
     * <ul>
     *   <li>refused for good ({@link RecipientRejectedException}): an address refused with a 5xx (or no address),
     *       or a 5xx to {@code RCPT TO}, {@code DATA} or the end of the message (content policy, size), or a 552 to
     *       {@code MAIL FROM} (the declared size, RFC 1870). We send one recipient per message, so a 552 to
     *       {@code RCPT TO} cannot be RFC 5321's "too many recipients" (to be taken as a 452): it is about this
     *       mailbox or message;
     *   <li>not taken, may pass ({@link MailNotDeliveredException}): a 4xx anywhere (the server answered, so it
     *       does not have the message), a 5xx before the message (to the connection, EHLO, STARTTLS, AUTH or
     *       {@code MAIL FROM}: the server refuses us, our configuration, not this message), or a failure without
     *       an answer before the end of the message went out;
     *   <li>outcome unknown ({@link OutcomeUnknownException}): no answer after the end of the message went out (a
     *       timeout waiting for the final reply, a lost connection): the server may have queued it.
     * </ul>
     */
    static RuntimeException judge(MessagingException failure, TrackedSmtpTransport.Step step) {
        String refused = refusedRecipients(failure);
        if (refused != null) {
            return new RecipientRejectedException(refused, failure);
        }
        int reply = replyCode(failure);
        if (reply >= 500 && reply < 600 && refusesTheMessage(reply, step)) {
            return new RecipientRejectedException(
                    (step == TrackedSmtpTransport.Step.RCPT_TO ? "recipient refused: " : "message refused: ")
                            + serverReply(failure),
                    failure);
        }
        if (reply == NO_REPLY && step == TrackedSmtpTransport.Step.END_OF_DATA) {
            return new OutcomeUnknownException(
                    "no answer from the mail server after the message was sent, it may have it: " + describe(failure),
                    failure);
        }
        return new MailNotDeliveredException(describe(failure), failure);
    }

    private static boolean refusesTheMessage(int reply, TrackedSmtpTransport.Step step) {
        return switch (step) {
            case RCPT_TO, DATA, END_OF_DATA -> true;
            case MAIL_FROM -> reply == 552;
            case CONNECTED -> false;
        };
    }

    /**
     * The server's reply code that failed the send, or {@link #NO_REPLY}. Angus Mail carries it in its
     * SMTPSendFailedException (MAIL FROM, DATA, the end of the message) and, per address, in the
     * SMTPAddressFailedExceptions chained to the SendFailedException of {@code RCPT TO}; an address answered
     * with a 4xx, or a 552, is filed as "valid unsent", with no invalid address.
     */
    private static int replyCode(MessagingException failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof SMTPSendFailedException send && send.getReturnCode() > 0) {
                return send.getReturnCode();
            }
            if (cause instanceof SMTPAddressFailedException address && address.getReturnCode() > 0) {
                return address.getReturnCode();
            }
            if (cause instanceof SMTPSenderFailedException sender && sender.getReturnCode() > 0) {
                return sender.getReturnCode();
            }
        }
        return NO_REPLY;
    }

    /** The server's reply as it wrote it, e.g. "554 5.7.1 refused by content policy". */
    private static String serverReply(MessagingException failure) {
        for (Throwable cause : causes(failure)) {
            if ((cause instanceof SMTPSendFailedException
                            || cause instanceof SMTPAddressFailedException
                            || cause instanceof SMTPSenderFailedException)
                    && cause.getMessage() != null
                    && !cause.getMessage().isBlank()) {
                return cause.getMessage().strip();
            }
        }
        return describe(failure);
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
