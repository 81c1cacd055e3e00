package se.municipality.eops.notification.rules.domain;

import java.util.Objects;
import se.municipality.eops.contract.notification.Channel;

/**
 * One resolved recipient on one channel.
 *
 * @param address an e-mail address for {@code EMAIL}, the group's name for {@code WEBHOOK}
 * @param userId whose language preference applies; null for a mailbox or group (Swedish)
 * @param kind what kind of recipient it is, for the record: {@code REQUESTER}, {@code MAILBOX}, ...
 */
public record Recipient(Channel channel, String address, String userId, RecipientSpec.Kind kind) {

    public Recipient {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(kind, "kind");
    }
}
