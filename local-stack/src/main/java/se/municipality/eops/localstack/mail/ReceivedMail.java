package se.municipality.eops.localstack.mail;

import java.time.Instant;
import java.util.List;

/**
 * One mail as the local mail server received it.
 *
 * @param to the addresses it was delivered to (envelope recipients, so Bcc included), not the To header
 */
public record ReceivedMail(List<String> to, String from, String subject, Instant receivedAt, String body) {

    public ReceivedMail {
        to = List.copyOf(to);
    }

    public boolean isFor(String address) {
        return to.stream().anyMatch(recipient -> recipient.equalsIgnoreCase(address.trim()));
    }
}
