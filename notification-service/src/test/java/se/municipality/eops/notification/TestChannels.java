package se.municipality.eops.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import se.municipality.eops.testkit.ScriptedSmtpServer;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TcpProxy;

/**
 * The test JVM's mail path and webhook receiver, made once. Mail goes through a proxy a test can cut
 * off ({@link #smtp()}) to a mail server that can refuse addresses ({@link #mailServer()}), which
 * passes the rest on to the shared GreenMail, where {@code Mailboxes} reads them.
 */
public final class TestChannels {

    public static final String WEBHOOK_GROUP = "CENTRAL_TEAM";
    public static final String WEBHOOK_SECRET = "test-webhook-secret";

    private static TcpProxy smtp;
    private static ScriptedSmtpServer mailServer;
    private static WebhookReceiver webhook;

    private TestChannels() {}

    public static synchronized TcpProxy smtp() {
        if (smtp == null) {
            smtp = new TcpProxy(freePort(), "localhost", mailServer().port());
            smtp.open();
        }
        return smtp;
    }

    /** The SMTP server behind {@link #smtp()}: GreenMail's, except for the addresses a test has it refuse. */
    public static synchronized ScriptedSmtpServer mailServer() {
        if (mailServer == null) {
            mailServer = ScriptedSmtpServer.relayingTo(
                    "localhost", SharedInfrastructure.get().mail().getSmtp().getPort());
        }
        return mailServer;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized WebhookReceiver webhook() {
        if (webhook == null) {
            webhook = new WebhookReceiver(WEBHOOK_SECRET);
        }
        return webhook;
    }
}
