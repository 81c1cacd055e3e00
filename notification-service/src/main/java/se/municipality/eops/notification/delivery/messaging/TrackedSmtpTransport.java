package se.municipality.eops.notification.delivery.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport that remembers how far the current message got. A failure means something
 * different at each step: before the end of the message (the final "." or {@code BDAT LAST}) went out the
 * server cannot have taken it, so sending it again is safe; once it went out, a failure without the
 * server's answer (a timeout, a reset) leaves the outcome unknown: the server may have queued it.
 */
final class TrackedSmtpTransport extends SMTPTransport {

    /** The steps of one message, in their order. */
    enum Step {
        /** Connected; no command of this message sent yet. */
        CONNECTED,
        MAIL_FROM,
        RCPT_TO,
        /** {@code DATA} (or the first {@code BDAT}) sent, the message going out. */
        DATA,
        /** The end of the message sent or being sent: from here on the server may have it. */
        END_OF_DATA
    }

    private volatile Step step = Step.CONNECTED;

    /** As Session.getTransport makes a provider's transport; {@code url} names the protocol (smtp or smtps). */
    TrackedSmtpTransport(Session session, URLName url) {
        super(session, url, url.getProtocol(), "smtps".equalsIgnoreCase(url.getProtocol()));
    }

    /** Called before each message: a step left from the message before says nothing about this one. */
    void startMessage() {
        step = Step.CONNECTED;
    }

    /** The step the current (or last) message reached. */
    Step step() {
        return step;
    }

    @Override
    protected void mailFrom() throws MessagingException {
        step = Step.MAIL_FROM;
        super.mailFrom();
    }

    @Override
    protected void rcptTo() throws MessagingException {
        step = Step.RCPT_TO;
        super.rcptTo();
    }

    @Override
    protected OutputStream data() throws MessagingException {
        step = Step.DATA;
        return super.data();
    }

    @Override
    protected OutputStream bdat() throws MessagingException {
        step = Step.DATA;
        return super.bdat();
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        step = Step.END_OF_DATA;
        super.finishData();
    }

    @Override
    protected void finishBdat() throws IOException, MessagingException {
        step = Step.END_OF_DATA;
        super.finishBdat();
    }
}
