package se.municipality.eops.notification.delivery.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import se.municipality.eops.contract.notification.Channel;

/**
 * The id of a notification, derived from what makes it one: (event, recipient on a channel,
 * template). A second delivery of the event derives the same id, and the unique {@code _id} refuses a
 * second notification. The recipient enters as a hash, so ids (Kafka keys, Message-IDs, logs) carry
 * no address.
 */
public final class NotificationIds {

    private NotificationIds() {}

    public static String of(String template, UUID eventId, Channel channel, String recipient) {
        return template + ":" + eventId + ":" + recipientHash(channel, recipient);
    }

    static String recipientHash(Channel channel, String recipient) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((channel + ":" + recipient.strip().toLowerCase(Locale.ROOT))
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
