package se.municipality.eops.contract.samples;

import java.time.Instant;
import java.util.UUID;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.contract.notification.NotificationFailed;
import se.municipality.eops.contract.notification.NotificationSent;

/** Typical notification events. */
public final class NotificationMother {

    public static final Instant SENT_AT = Instant.parse("2026-11-27T09:15:31Z");

    private NotificationMother() {}

    public static NotificationSent requestReceivedMailSent() {
        return new NotificationSent(
                UUID.randomUUID(),
                "ntf-" + UUID.randomUUID(),
                SENT_AT,
                Channel.EMAIL,
                "anna.andersson@municipality.example",
                "request-received",
                UUID.randomUUID(),
                "req-42");
    }

    /** A notification that is not about a request, e.g. a reminder to reviewers. */
    public static NotificationSent reminderWithoutRequest() {
        return new NotificationSent(
                UUID.randomUUID(),
                "ntf-" + UUID.randomUUID(),
                SENT_AT,
                Channel.EMAIL,
                "reviewers@municipality.example",
                "review-waiting",
                null,
                null);
    }

    public static NotificationFailed mailRejectedBySmtpServer() {
        return new NotificationFailed(
                UUID.randomUUID(),
                "ntf-" + UUID.randomUUID(),
                SENT_AT,
                Channel.EMAIL,
                "not-an-address",
                "request-received",
                UUID.randomUUID(),
                "req-42",
                "550 5.1.1 mailbox unavailable");
    }
}
