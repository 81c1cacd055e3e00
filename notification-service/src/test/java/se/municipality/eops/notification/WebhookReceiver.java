package se.municipality.eops.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver as a chat service would run one: it checks {@code X-Eops-Signature} against its
 * own HMAC of the body and answers 401 to a bad one; {@link #answer(int)} makes it fail (e.g. 503
 * while "down", 410 for a hook that is gone).
 */
public final class WebhookReceiver {

    /** One request the receiver took, with whether its signature was right. */
    public record Received(
            String body, String signature, String timestamp, String notificationId, boolean signatureValid) {}

    private final String secret;
    private final HttpServer server;
    private final List<Received> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile int answer = 200;

    WebhookReceiver(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/team", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String signature = exchange.getRequestHeaders().getFirst("X-Eops-Signature");
            Received received = new Received(
                    body,
                    signature,
                    exchange.getRequestHeaders().getFirst("X-Eops-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Eops-Notification-Id"),
                    ("sha256=" + hmac(body)).equals(signature));
            int status = !received.signatureValid() ? 401 : answer;
            if (status == 200) {
                accepted.add(received);
            } else {
                refused.incrementAndGet();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What the receiver answers to a correctly signed request from now on. */
    public void answer(int status) {
        this.answer = status;
    }

    public List<Received> accepted() {
        return List.copyOf(accepted);
    }

    public List<Received> acceptedMentioning(String text) {
        return accepted.stream()
                .filter(received -> received.body().contains(text))
                .toList();
    }

    public int refused() {
        return refused.get();
    }

    private String hmac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
