package se.municipality.eops.notification.receipt.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.notification.receipt.domain.Notification;
import se.municipality.eops.notification.receipt.domain.NotificationStatus;
import se.municipality.eops.notification.receipt.domain.Notifications;
import se.municipality.eops.notification.receipt.domain.OutgoingMail;
import se.municipality.eops.notification.receipt.domain.ReceiptMail;

/**
 * Sends the requester of a submitted request one receipt, however often the event arrives: claim
 * the notification, send, record the outcome with its event in one write.
 *
 * <p>Throws to have the event retried: when the mail server failed in a way that may pass, and when
 * another attempt is sending the same receipt right now. Returns normally when the receipt is done,
 * sent or refused for good.
 */
public class SendReceipt {

    private static final Logger log = LoggerFactory.getLogger(SendReceipt.class);

    private final Notifications notifications;
    private final MailGateway mailGateway;
    private final ReceiptMail receipts;
    private final Clock clock;
    private final NotificationProperties properties;
    private final Counter sent;
    private final Counter failed;

    /**
     * Receipts the server accepted but whose SENT this instance could not write yet (the database
     * failed right after the send). The retry writes SENT instead of sending again.
     */
    private final Map<String, Instant> acceptedButNotRecorded = new ConcurrentHashMap<>();

    public SendReceipt(
            Notifications notifications,
            MailGateway mailGateway,
            ReceiptMail receipts,
            Clock clock,
            NotificationProperties properties,
            MeterRegistry meters) {
        this.notifications = notifications;
        this.mailGateway = mailGateway;
        this.receipts = receipts;
        this.clock = clock;
        this.properties = properties;
        this.sent = Counter.builder("eops.notifications.sent")
                .description("Notifications the channel accepted")
                .tag("template", ReceiptMail.TEMPLATE)
                .register(meters);
        this.failed = Counter.builder("eops.notifications.failed")
                .description("Notifications refused for good or given up after their attempts")
                .tag("template", ReceiptMail.TEMPLATE)
                .register(meters);
    }

    public void handle(RequestSubmitted event) {
        OutgoingMail receipt = receipts.compose(event);
        String id = ReceiptMail.notificationId(event.eventId());
        Instant acceptedAt = acceptedButNotRecorded.get(id);
        if (acceptedAt != null) {
            recordAccepted(id, acceptedAt);
            return;
        }
        Notification notification = claim(event, id);
        if (notification != null) {
            deliver(notification, receipt);
        }
    }

    /** The notification this attempt now owns, or null when there is nothing left to do. */
    private Notification claim(RequestSubmitted event, String id) {
        Instant now = clock.instant();
        Notification fresh = Notification.claimNew(
                id,
                ReceiptMail.TEMPLATE,
                Channel.EMAIL,
                event.requester().email(),
                event.requestId(),
                event.eventId(),
                now,
                properties.claimLease());
        if (notifications.insertIfAbsent(fresh)) {
            return fresh;
        }
        Notification existing = notifications.find(id).orElseThrow(() -> new NotificationInProgressException(id));
        return switch (existing.claim(now, properties.claimLease())) {
            case ALREADY_DONE -> {
                log.info("Receipt {} for request {} is {} already; skipped", id, event.requestId(), existing.status());
                yield null;
            }
            case IN_PROGRESS -> throw new NotificationInProgressException(id);
            case CLAIMED -> {
                if (!notifications.update(existing)) {
                    throw new NotificationInProgressException(id);
                }
                log.info("Receipt {} claimed again, attempt {}", id, existing.attempts());
                yield existing;
            }
        };
    }

    private void deliver(Notification notification, OutgoingMail receipt) {
        try {
            mailGateway.send(receipt);
        } catch (RecipientRejectedException rejected) {
            notification.rejected(rejected.getMessage(), clock.instant());
            store(notification);
            failed.increment();
            log.warn("Receipt {} refused by the mail server for good: {}", notification.id(), rejected.getMessage());
            return;
        } catch (MailNotDeliveredException notDelivered) {
            boolean gaveUp =
                    notification.notDelivered(notDelivered.getMessage(), clock.instant(), properties.maxAttempts());
            store(notification);
            if (gaveUp) {
                failed.increment();
                log.warn(
                        "Receipt {} not delivered after {} attempts, gave up: {}",
                        notification.id(),
                        notification.attempts(),
                        notDelivered.getMessage());
            }
            throw notDelivered;
        }
        Instant acceptedAt = clock.instant();
        try {
            notification.sent(acceptedAt);
            store(notification);
        } catch (RuntimeException notRecorded) {
            acceptedButNotRecorded.put(notification.id(), acceptedAt);
            throw notRecorded;
        }
        sent.increment();
    }

    private void recordAccepted(String id, Instant acceptedAt) {
        Notification notification = notifications
                .find(id)
                .orElseThrow(() -> new IllegalStateException("receipt " + id + " was sent but is not stored"));
        if (notification.status() == NotificationStatus.PENDING) {
            notification.sent(acceptedAt);
            store(notification);
            sent.increment();
        } else {
            log.warn("Receipt {} was accepted by the mail server but is stored as {}", id, notification.status());
        }
        acceptedButNotRecorded.remove(id);
    }

    private void store(Notification notification) {
        if (!notifications.update(notification)) {
            throw new NotificationInProgressException(notification.id());
        }
    }
}
