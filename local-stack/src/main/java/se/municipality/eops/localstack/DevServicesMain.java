package se.municipality.eops.localstack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.municipality.eops.localstack.mail.LocalMailServer;
import se.municipality.eops.localstack.mail.MailViewer;

/**
 * The small servers the suite needs besides MongoDB and Kafka, in one process to save memory: SMTP and IMAP
 * (GreenMail) and a web view of the mail. Usage: {@code DevServicesMain}; ports from {@code EOPS_SMTP_PORT},
 * {@code EOPS_IMAP_PORT}, {@code EOPS_MAIL_UI_PORT}. The sign-in is a process of its own (module local-identity).
 */
public final class DevServicesMain {

    private static final Logger log = LoggerFactory.getLogger(DevServicesMain.class);

    private DevServicesMain() {}

    public static void main(String[] args) throws InterruptedException {
        int smtpPort = LocalSettings.port("EOPS_SMTP_PORT", 2525);
        int imapPort = LocalSettings.port("EOPS_IMAP_PORT", 2143);
        int mailUiPort = LocalSettings.port("EOPS_MAIL_UI_PORT", 8025);

        // Stopped in reverse order of start; the hook covers SIGTERM, Ctrl-C and a failed start alike.
        List<Runnable> stoppers = Collections.synchronizedList(new ArrayList<>());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(stoppers), "dev-services-shutdown"));
        try {
            LocalMailServer mail = LocalMailServer.start(
                    smtpPort, imapPort, LocalSettings.number("EOPS_MAIL_KEEP", LocalMailServer.DEFAULT_MAX_KEPT_MAILS));
            stoppers.add(0, mail::stop);
            MailViewer viewer = MailViewer.start(mailUiPort, mail::receivedMails);
            stoppers.add(0, viewer::stop);

            log.info(
                    "SMTP ready on localhost:{}, IMAP on localhost:{} (user and password: the recipient's address)",
                    mail.smtpPort(),
                    mail.imapPort());
            log.info("Mail viewer ready at http://localhost:{}/", viewer.port());
        } catch (RuntimeException e) {
            log.error("Dev services failed to start: {}", e.getMessage(), e);
            System.exit(1);
        }

        // Keeps the process alive whether or not the servers' own threads are daemons; the hook ends it.
        Thread.currentThread().join();
    }

    private static void stopAll(List<Runnable> stoppers) {
        for (Runnable stopper : List.copyOf(stoppers)) {
            try {
                stopper.run();
            } catch (RuntimeException e) {
                log.warn("Stopping a dev service failed: {}", e.getMessage());
            }
        }
        log.info("Dev services stopped");
    }
}
