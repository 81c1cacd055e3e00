package se.municipality.eops.notification.delivery.messaging;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outgoing webhooks, per recipient group ({@code eops.notifications.webhooks.<GROUP>.url} and
 * {@code .secret}), e.g. the central team's chat channel. A group with a webhook gets every
 * notification its mailbox gets a second time, over the webhook.
 *
 * @param timeout how long one POST may take
 */
@ConfigurationProperties("eops.notifications")
public record WebhookProperties(
        Map<String, Hook> webhooks, @DefaultValue("5s") Duration webhookTimeout) {

    public WebhookProperties {
        webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
        webhooks.forEach((group, hook) -> {
            if (hook.url() == null || hook.secret() == null || hook.secret().isBlank()) {
                throw new IllegalArgumentException(
                        "eops.notifications.webhooks." + group + " needs a url and a secret");
            }
        });
    }

    /** @param secret the key of the body's HMAC-SHA256, shared with the receiver */
    public record Hook(URI url, String secret) {}
}
