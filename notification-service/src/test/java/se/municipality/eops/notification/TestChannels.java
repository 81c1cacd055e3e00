package se.municipality.eops.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TcpProxy;

/** The test JVM's mail proxy and webhook receiver, made once. */
public final class TestChannels {

    public static final String WEBHOOK_GROUP = "CENTRAL_TEAM";
    public static final String WEBHOOK_SECRET = "test-webhook-secret";

    private static TcpProxy smtp;
    private static WebhookReceiver webhook;

    private TestChannels() {}

    public static synchronized TcpProxy smtp() {
        if (smtp == null) {
            smtp = new TcpProxy(
                    freePort(),
                    "localhost",
                    SharedInfrastructure.get().mail().getSmtp().getPort());
            smtp.open();
        }
        return smtp;
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
