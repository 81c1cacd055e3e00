package se.municipality.eops.notification.delivery.messaging;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import se.municipality.eops.notification.delivery.application.MailNotDeliveredException;
import se.municipality.eops.notification.delivery.application.RecipientRejectedException;
import se.municipality.eops.notification.delivery.domain.Notification;
import se.municipality.eops.starter.messaging.EventJson;

/**
 * POSTs a notification as JSON to its group's webhook, signed: {@code X-Eops-Signature:
 * sha256=<hex HMAC-SHA256 of the body with the group's secret>}, {@code X-Eops-Timestamp} (epoch
 * seconds, inside the signed body too, so a receiver can refuse replays) and
 * {@code X-Eops-Notification-Id} (the same on every attempt, for receivers that deduplicate).
 * A 2xx is accepted; 408, 429 and 5xx or no answer may pass (retried); any other 4xx is final.
 */
@Component
class WebhookGateway {

    static final String SIGNATURE = "X-Eops-Signature";
    static final String TIMESTAMP = "X-Eops-Timestamp";
    static final String NOTIFICATION_ID = "X-Eops-Notification-Id";

    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookGateway(WebhookProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.webhookTimeout())
                .build();
    }

    void send(Notification notification) {
        WebhookProperties.Hook hook = properties.webhooks().get(notification.recipient());
        if (hook == null) {
            throw new RecipientRejectedException("no webhook configured for " + notification.recipient(), null);
        }
        long timestamp = clock.instant().getEpochSecond();
        String body = body(notification, timestamp);
        HttpRequest request = HttpRequest.newBuilder(hook.url())
                .timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json")
                .header(SIGNATURE, "sha256=" + hmac(hook.secret(), body))
                .header(TIMESTAMP, Long.toString(timestamp))
                .header(NOTIFICATION_ID, notification.id())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException unreachable) {
            throw new MailNotDeliveredException(
                    "webhook " + notification.recipient() + " unreachable: " + unreachable, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MailNotDeliveredException("interrupted", interrupted);
        }
        if (status >= 200 && status < 300) {
            return;
        }
        String reason = "webhook " + notification.recipient() + " answered " + status;
        if (status == 408 || status == 429 || status >= 500) {
            throw new MailNotDeliveredException(reason, null);
        }
        throw new RecipientRejectedException(reason, null);
    }

    static String body(Notification notification, long timestamp) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", notification.id());
        body.put("template", notification.template());
        body.put("requestId", notification.requestId());
        body.put("causedByEventId", notification.causedByEventId());
        body.put("language", notification.message().language());
        body.put("subject", notification.message().subject());
        body.put("text", notification.message().text());
        body.put("link", notification.message().link());
        body.put("timestamp", timestamp);
        return EventJson.write(body);
    }

    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
