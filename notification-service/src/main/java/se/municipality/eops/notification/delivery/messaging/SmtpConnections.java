package se.municipality.eops.notification.delivery.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * SMTP connections kept open between mails: opening one costs a TCP handshake, the greeting, EHLO,
 * STARTTLS and AUTH (several round trips, a TLS handshake), sending over an open one costs MAIL, RCPT
 * and DATA. Spring's {@code JavaMailSenderImpl.send} opens and closes one per call, so a consumer
 * sending one mail per event paid the whole setup for every mail.
 *
 * <p>Each connection is used by one thread at a time (taken, used, given back). Connections come from
 * Boot's mail sender's session and settings, so host, port, credentials, STARTTLS, timeouts and the SSL
 * bundle are those of {@code spring.mail.*}. A connection is closed instead of reused once it has
 * carried {@code messagesPerConnection} mails (servers limit mails per connection) or has been idle
 * longer than {@code maxIdle} (servers drop idle connections, RFC 5321 lets them after 5 minutes).
 */
class SmtpConnections implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

    private final JavaMailSenderImpl settings;
    private final Duration maxIdle;
    private final int messagesPerConnection;
    private final Clock clock;
    /** Most recently used first, so surplus connections age out at the end. */
    private final Deque<SmtpConnection> idle = new ConcurrentLinkedDeque<>();

    private volatile boolean closed;

    SmtpConnections(JavaMailSenderImpl settings, Duration maxIdle, int messagesPerConnection, Clock clock) {
        if (messagesPerConnection < 1) {
            throw new IllegalArgumentException("eops.mail.messages-per-connection must be at least 1");
        }
        this.settings = settings;
        nameTheStreamProvider();
        this.maxIdle = maxIdle;
        this.messagesPerConnection = messagesPerConnection;
        this.clock = clock;
    }

    /** A message in the sender's session, with its default encoding and file type map. */
    MimeMessage createMimeMessage() {
        return settings.createMimeMessage();
    }

    /**
     * Jakarta Mail 2.1 looks its {@code StreamProvider} up with a {@code ServiceLoader} on every
     * {@code MimeUtility} call (jakartaee/mail-api#861), and Angus Mail's SMTPTransport decodes the
     * subject of every message it sends: in the service's nested jar that scan of every library took
     * most of a mail's time (seen in thread dumps under load). Naming the provider, the one Angus Mail
     * ships, makes the lookup a class-by-name; a provider named on the command line is kept.
     */
    private static void nameTheStreamProvider() {
        System.getProperties()
                .putIfAbsent(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    /** An open connection that was used before and is fresh enough, else a new one. */
    SmtpConnection take() throws MessagingException {
        Instant now = clock.instant();
        for (SmtpConnection kept = idle.pollFirst(); kept != null; kept = idle.pollFirst()) {
            if (kept.idleSince.plus(maxIdle).isAfter(now)) {
                return kept;
            }
            discard(kept);
        }
        return open();
    }

    /** A new connection, never one used before. */
    SmtpConnection open() throws MessagingException {
        Session session = settings.getSession();
        // Angus Mail's transport, made as Session.getTransport would, that also tracks each message's steps.
        TrackedSmtpTransport transport =
                new TrackedSmtpTransport(session, new URLName(protocol(), null, -1, null, null, null));
        // As JavaMailSenderImpl does it: empty credentials mean none.
        String username = StringUtils.hasLength(settings.getUsername()) ? settings.getUsername() : null;
        String password =
                username == null && !StringUtils.hasLength(settings.getPassword()) ? null : settings.getPassword();
        transport.connect(settings.getHost(), settings.getPort(), username, password);
        return new SmtpConnection(transport);
    }

    /** Keeps a connection that just carried a mail for the next one, unless it has done its share. */
    void giveBack(SmtpConnection connection) {
        if (closed || connection.messagesSent >= messagesPerConnection) {
            discard(connection);
            return;
        }
        connection.idleSince = clock.instant();
        idle.offerFirst(connection);
        if (closed) { // closed while we were putting it back
            closeIdle();
        }
    }

    /** Closes a connection that failed or is not wanted any more; says QUIT if it still can. */
    void discard(SmtpConnection connection) {
        try {
            connection.transport.close();
        } catch (MessagingException | RuntimeException alreadyBroken) {
            log.debug("Closing an SMTP connection failed: {}", alreadyBroken.getMessage());
        }
    }

    /** Open connections waiting for a mail, for tests and metrics. */
    int idleCount() {
        return idle.size();
    }

    @Override
    public void destroy() {
        closed = true;
        closeIdle();
    }

    private void closeIdle() {
        for (SmtpConnection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            discard(connection);
        }
    }

    private String protocol() {
        return settings.getProtocol() == null ? "smtp" : settings.getProtocol();
    }

    /** One open SMTP connection, used by one thread at a time. */
    static final class SmtpConnection {

        private final TrackedSmtpTransport transport;
        private int messagesSent;
        private Instant idleSince;

        private SmtpConnection(TrackedSmtpTransport transport) {
            this.transport = transport;
        }

        /** How far the last message sent over it got: whether a failure came before or after its end went out. */
        TrackedSmtpTransport.Step step() {
            return transport.step();
        }

        /** Whether it carried a mail before: then the server may have closed it meanwhile. */
        boolean usedBefore() {
            return messagesSent > 0;
        }

        /** Returns once the server has accepted the message. */
        void send(MimeMessage message) throws MessagingException {
            if (message.getSentDate() == null) {
                message.setSentDate(Date.from(Instant.now()));
            }
            // saveChanges() makes a new Message-ID; the one given is the same on every attempt.
            String messageId = message.getMessageID();
            message.saveChanges();
            if (messageId != null) {
                message.setHeader("Message-ID", messageId);
            }
            transport.startMessage();
            transport.sendMessage(message, message.getAllRecipients());
            messagesSent++;
        }
    }
}
