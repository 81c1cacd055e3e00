package se.municipality.eops.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.localstack.mail.LocalMailServer;
import se.municipality.eops.localstack.mail.MailViewer;

/**
 * The small servers the suite needs besides MongoDB and Kafka, in one process to save memory: SMTP and IMAP
 * (GreenMail), a web view of the mail, and the demo token issuer. Usage: {@code DevServicesMain [dataDirectory]};
 * ports from {@code EOPS_SMTP_PORT}, {@code EOPS_IMAP_PORT}, {@code EOPS_MAIL_UI_PORT}, {@code EOPS_ISSUER_PORT}.
 */
public final class DevServicesMain {

    private static final Logger log = LoggerFactory.getLogger(DevServicesMain.class);

    private DevServicesMain() {}

    public static void main(String[] args) throws InterruptedException {
        int smtpPort = LocalSettings.port("EOPS_SMTP_PORT", 2525);
        int imapPort = LocalSettings.port("EOPS_IMAP_PORT", 2143);
        int mailUiPort = LocalSettings.port("EOPS_MAIL_UI_PORT", 8025);
        int issuerPort = LocalSettings.port("EOPS_ISSUER_PORT", 9000);
        Path keyFile = LocalSettings.dataDirectory(args).resolve("identity").resolve("signing-key.json");

        // Stopped in reverse order of start; the hook covers SIGTERM, Ctrl-C and a failed start alike.
        List<Runnable> stoppers = Collections.synchronizedList(new ArrayList<>());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(stoppers), "dev-services-shutdown"));
        try {
            LocalMailServer mail = LocalMailServer.start(
                    smtpPort, imapPort, LocalSettings.number("EOPS_MAIL_KEEP", LocalMailServer.DEFAULT_MAX_KEPT_MAILS));
            stoppers.add(0, mail::stop);
            MailViewer viewer = MailViewer.start(mailUiPort, mail::receivedMails);
            stoppers.add(0, viewer::stop);
            // The services require this audience (EOPS_TOKEN_AUDIENCE, the same variable), so both agree.
            String audience = LocalSettings.text("EOPS_TOKEN_AUDIENCE", DemoTokenIssuer.DEFAULT_AUDIENCE);
            DemoTokenIssuer issuer = DemoTokenIssuer.start(issuerPort, keyFile, audience);
            stoppers.add(0, issuer::stop);

            log.info(
                    "SMTP ready on localhost:{}, IMAP on localhost:{} (user and password: the recipient's address)",
                    mail.smtpPort(),
                    mail.imapPort());
            log.info("Mail viewer ready at http://localhost:{}/", viewer.port());
            log.info(
                    "Token issuer ready at {} (audience {}, key in {})",
                    issuer.issuerUri(),
                    issuer.audience(),
                    keyFile);
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
