package se.municipality.eops.localstack.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP and IMAP server (GreenMail), in memory, on localhost.
 *
 * <p>SMTP accepts mail for any address without authentication. Each recipient gets a mailbox on first delivery,
 * which IMAP opens with the recipient's e-mail address as both user name and password (GreenMail's convention),
 * e.g. user {@code anna.andersson@kommun.example}, password {@code anna.andersson@kommun.example}.
 * Mail is lost when the process stops, and only the newest {@code maxKeptMails} copies are kept (one copy per
 * recipient), so a benchmark's or a long session's thousands of receipts never fill the heap.
 */
public final class LocalMailServer {

    private static final Logger log = LoggerFactory.getLogger(LocalMailServer.class);
    private static final String LOOPBACK = "127.0.0.1";

    /** About 4 KB each, so the default keeps the dev-services process well inside its 128 MB heap. */
    public static final int DEFAULT_MAX_KEPT_MAILS = 10_000;

    private final GreenMail greenMail;
    private final int maxKeptMails;
    private final AtomicInteger keptMails = new AtomicInteger();

    private LocalMailServer(GreenMail greenMail, int maxKeptMails) {
        if (maxKeptMails < 1) {
            throw new IllegalArgumentException("maxKeptMails must be at least 1, not " + maxKeptMails);
        }
        this.greenMail = greenMail;
        this.maxKeptMails = maxKeptMails;
    }

    /** Starts SMTP and IMAP on the given ports; 0 picks a free port (see {@link #smtpPort()}). */
    public static LocalMailServer start(int smtpPort, int imapPort) {
        return start(smtpPort, imapPort, DEFAULT_MAX_KEPT_MAILS);
    }

    /** As {@link #start(int, int)}, keeping only the newest {@code maxKeptMails} copies. */
    public static LocalMailServer start(int smtpPort, int imapPort, int maxKeptMails) {
        GreenMail greenMail = new GreenMailWithPromptSmtp(new ServerSetup[] {
            setup(smtpPort, ServerSetup.PROTOCOL_SMTP), setup(imapPort, ServerSetup.PROTOCOL_IMAP)
        });
        LocalMailServer server = new LocalMailServer(greenMail, maxKeptMails);
        greenMail.start();
        server.watchEachDelivery();
        return server;
    }

    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, LOOPBACK, protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    /**
     * One log line per delivered mail lets a developer follow the suite's mail in the dev-services log; past the
     * limit the oldest copies go.
     */
    private void watchEachDelivery() {
        MessageDeliveryHandler delivery = greenMail.getUserManager().getMessageDeliveryHandler();
        greenMail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
            log.info("Mail for {}: {}", recipient.getEmail(), subjectOf(message.getMessage()));
            if (keptMails.incrementAndGet() > maxKeptMails) {
                dropOldestMails();
            }
            // Stores this copy once the handler returns, after the walk above.
            return delivery.handle(message, recipient);
        });
    }

    /**
     * Drops the oldest copies down to 90% of the limit (the copy being delivered included), so the walk over every
     * inbox happens once per tenth of the limit's deliveries rather than once per mail.
     */
    private synchronized void dropOldestMails() {
        if (keptMails.get() <= maxKeptMails) {
            return; // another delivery thread has just made room
        }
        ImapHostManager mailboxes = greenMail.getManagers().getImapHostManager();
        record Copy(MailFolder inbox, StoredMessage message) {}
        List<Copy> copies = new ArrayList<>();
        for (GreenMailUser user : List.copyOf(greenMail.getUserManager().listUser())) {
            MailFolder inbox = inboxFolderOf(mailboxes, user);
            if (inbox != null) {
                List.copyOf(inbox.getMessages()).forEach(message -> copies.add(new Copy(inbox, message)));
            }
        }
        copies.sort(Comparator.comparing(copy -> copy.message().getReceivedDate()));
        int keep = Math.max(1, maxKeptMails * 9 / 10);
        List<Copy> dropped = copies.subList(0, Math.max(0, copies.size() - (keep - 1)));
        Set<MailFolder> touched = new LinkedHashSet<>();
        for (Copy copy : dropped) {
            copy.message().setFlag(Flags.Flag.DELETED, true);
            touched.add(copy.inbox());
        }
        for (MailFolder inbox : touched) {
            try {
                inbox.expunge();
            } catch (FolderException e) {
                log.warn("Cannot drop old mails: {}", e.getMessage());
            }
        }
        int droppedCount = dropped.size();
        keptMails.set(copies.size() - droppedCount + 1);
        log.info("Kept the newest {} mails (limit {}), dropped {} older ones", keep, maxKeptMails, droppedCount);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /**
     * Every mail in every inbox, oldest first. A mail sent to several recipients lies in several inboxes; it is
     * listed once, with all of them.
     */
    public List<ReceivedMail> receivedMails() {
        // GreenMail hands out its live lists of users and messages; a mail delivered while they are
        // read makes the iteration fail, so read again (the viewer polls while mail pours in).
        for (int attempt = 1; ; attempt++) {
            try {
                return readReceivedMails();
            } catch (java.util.ConcurrentModificationException deliveredMeanwhile) {
                if (attempt == 10) {
                    throw deliveredMeanwhile;
                }
            }
        }
    }

    private List<ReceivedMail> readReceivedMails() {
        Map<Object, MailCopies> mails = new LinkedHashMap<>();
        ImapHostManager mailboxes = greenMail.getManagers().getImapHostManager();
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            for (StoredMessage stored : inboxOf(mailboxes, user)) {
                mails.computeIfAbsent(identityOf(stored), key -> new MailCopies(stored))
                        .recipients
                        .add(user.getEmail());
            }
        }
        return mails.values().stream()
                .map(MailCopies::toReceivedMail)
                .sorted(Comparator.comparing(ReceivedMail::receivedAt))
                .toList();
    }

    public void stop() {
        greenMail.stop();
    }

    private static List<StoredMessage> inboxOf(ImapHostManager mailboxes, GreenMailUser user) {
        MailFolder inbox = inboxFolderOf(mailboxes, user);
        return inbox == null ? List.of() : inbox.getMessages();
    }

    private static MailFolder inboxFolderOf(ImapHostManager mailboxes, GreenMailUser user) {
        try {
            // A recipient's user exists a moment before its inbox does: mid-delivery there is none yet.
            return mailboxes.getInbox(user);
        } catch (FolderException e) {
            log.warn("Cannot read the inbox of {}: {}", user.getEmail(), e.getMessage());
            return null;
        }
    }

    /** The Message-ID ties the copies of one mail together; without one, every copy stands alone. */
    private static Object identityOf(StoredMessage stored) {
        try {
            String messageId = stored.getMimeMessage().getMessageID();
            return messageId != null ? messageId : stored;
        } catch (MessagingException e) {
            return stored;
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject;
        } catch (MessagingException e) {
            return "(unreadable subject)";
        }
    }

    /** The SMTP server as it is configured here, for tests. */
    PromptSmtpServer smtpServer() {
        return (PromptSmtpServer) greenMail.getSmtp();
    }

    /** GreenMail whose SMTP server is a {@link PromptSmtpServer}. */
    private static final class GreenMailWithPromptSmtp extends GreenMail {

        private GreenMailWithPromptSmtp(ServerSetup[] setups) {
            super(setups);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
            Map<String, AbstractServer> services = super.createServices(setups, managers);
            for (ServerSetup setup : setups) {
                if (ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
                    services.put(setup.getProtocol(), new PromptSmtpServer(setup, managers));
                }
            }
            return services;
        }
    }

    /**
     * GreenMail's SMTP server with Nagle's algorithm off on every connection. GreenMail writes a
     * multi-line answer (EHLO's) one line per write; with Nagle on, the kernel holds the second line
     * until the client acknowledges the first, and a client waiting for the rest of the answer sends
     * no data to carry that acknowledgement, so it comes only when the client's delayed-ACK timer
     * fires (40 ms on Linux). That was the ~42 ms every new SMTP connection spent waiting for EHLO.
     */
    static final class PromptSmtpServer extends SmtpServer {

        PromptSmtpServer(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket client) {
            try {
                client.setTcpNoDelay(true);
            } catch (SocketException closedAlready) {
                // the client is gone; the handler finds out on its first read
            }
            return super.createProtocolHandler(client);
        }
    }

    private static final class MailCopies {
        private final StoredMessage first;
        private final List<String> recipients = new ArrayList<>();

        private MailCopies(StoredMessage first) {
            this.first = first;
        }

        private ReceivedMail toReceivedMail() {
            MimeMessage message = first.getMimeMessage();
            return new ReceivedMail(
                    recipients,
                    fromOf(message),
                    subjectOf(message),
                    first.getReceivedDate().toInstant(),
                    MailText.of(message));
        }

        private static String fromOf(MimeMessage message) {
            try {
                Address[] from = message.getFrom();
                if (from == null || from.length == 0) {
                    return "";
                }
                return from[0] instanceof InternetAddress address ? address.toUnicodeString() : from[0].toString();
            } catch (MessagingException e) {
                return "";
            }
        }
    }
}
