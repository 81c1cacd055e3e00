package se.municipality.eops.notification.delivery.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.notification.delivery.domain.Notification;
import se.municipality.eops.notification.delivery.domain.NotificationStatus;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.notification.delivery.domain.ReceiptMail;

/**
 * Sends pending notifications, each once: right after their event was recorded ({@link #sendSoon}),
 * and from a sweep for those left over (a crash, an outage, a full queue).
 *
 * <p>An attempt owns a notification through its claim (a lease in the document, taken with a
 * versioned write), so concurrent senders and replicas never send one twice. The outcome and its
 * event ({@code NotificationSent}/{@code NotificationFailed}) are one write. A failure that may pass
 * (server down, circuit breaker open) leaves the notification pending until {@code retry-delay} has
 * passed: outages are waited out, nothing is given up and nothing is dead-lettered.
 */
public class DeliverNotifications {

    private static final Logger log = LoggerFactory.getLogger(DeliverNotifications.class);

    private final Notifications notifications;
    private final Map<Channel, ChannelGateway> channels = new EnumMap<>(Channel.class);
    private final ExecutorService senders;
    private final Clock clock;
    private final NotificationProperties properties;
    private final MeterRegistry meters;

    /**
     * Notifications the channel accepted but whose SENT this instance could not write yet (the
     * database failed right after the send): the next attempt writes SENT instead of sending again.
     */
    private final Map<String, Instant> acceptedButNotRecorded = new ConcurrentHashMap<>();

    private final AtomicLong order = new AtomicLong();

    public DeliverNotifications(
            Notifications notifications,
            List<ChannelGateway> gateways,
            ExecutorService senders,
            Clock clock,
            NotificationProperties properties,
            MeterRegistry meters) {
        this.notifications = notifications;
        gateways.forEach(gateway -> channels.put(gateway.channel(), gateway));
        this.senders = senders;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * Sends a notification its creator has just inserted, claimed, on a sender thread: the consumer
     * does not wait for the channel. A full queue leaves it to the sweep once its claim runs out.
     *
     * @param personal whether a person waits for it (the requester's receipt, a person's grant):
     *     those go before the mails to role mailboxes and groups, so that a burst of team mails
     *     (one per new request) never delays the requesters' receipts. Receipts go first of all: a
     *     request that moves on mails its requester again, and those mails must not queue ahead of
     *     the next requester's receipt, the quick feedback the front door promises.
     */
    public void sendSoon(Notification claimed, boolean personal) {
        if (senders instanceof ThreadPoolExecutor pool && pool.getQueue().size() >= properties.senderQueue()) {
            log.info("Senders busy; notification {} goes out with the sweep", claimed.id());
            return;
        }
        try {
            int priority = ReceiptMail.TEMPLATE.equals(claimed.template()) ? 0 : personal ? 1 : 2;
            senders.execute(new SendTask(() -> deliver(claimed), priority, order.incrementAndGet()));
        } catch (RejectedExecutionException busy) {
            log.info("Senders busy; notification {} goes out with the sweep", claimed.id());
        }
    }

    /**
     * A send on the sender threads, ordered by priority then by arrival, for an executor with a
     * priority queue; any other executor runs them in arrival order.
     */
    public record SendTask(Runnable send, int priority, long order) implements Runnable, Comparable<SendTask> {

        @Override
        public void run() {
            send.run();
        }

        @Override
        public int compareTo(SendTask other) {
            return priority != other.priority
                    ? Integer.compare(priority, other.priority)
                    : Long.compare(order, other.order);
        }
    }

    /** One sweep run: sends the pending notifications no attempt holds; returns how many it tried. */
    public int sweep() {
        Instant now = clock.instant();
        List<Notification> due = notifications.pendingDue(now, properties.sweepBatchSize());
        int tried = 0;
        for (Notification notification : due) {
            ChannelGateway gateway = channels.get(notification.channel());
            if (gateway == null || !gateway.available()) {
                continue; // the breaker is open: retrying now would only be refused
            }
            Optional<Notification> claimed = claim(notification);
            if (claimed.isPresent()) {
                send(claimed.get(), gateway);
                tried++;
            }
        }
        return tried;
    }

    /** Sends a notification this attempt holds, or claims it first when its claim ran out meanwhile. */
    void deliver(Notification notification) {
        try {
            Optional<Notification> owned = notification.claimedAt(clock.instant())
                    ? Optional.of(notification)
                    : notifications.find(notification.id()).flatMap(this::claim);
            owned.ifPresent(mine -> send(mine, channels.get(mine.channel())));
        } catch (RuntimeException unexpected) {
            // The notification stays pending; the sweep takes it once its claim runs out.
            log.warn("Sending notification {} failed: {}", notification.id(), unexpected.toString());
        }
    }

    private Optional<Notification> claim(Notification notification) {
        if (notification.status() != NotificationStatus.PENDING) {
            return Optional.empty();
        }
        return switch (notification.claim(clock.instant(), properties.claimLease())) {
            case CLAIMED -> notifications.update(notification) ? Optional.of(notification) : Optional.empty();
            case ALREADY_DONE, IN_PROGRESS -> Optional.empty();
        };
    }

    private void send(Notification notification, ChannelGateway gateway) {
        Instant acceptedBefore = acceptedButNotRecorded.remove(notification.id());
        if (acceptedBefore != null) {
            recordSent(notification, acceptedBefore);
            return;
        }
        if (gateway == null) {
            notification.rejected("no channel " + notification.channel() + " configured", clock.instant());
            notifications.update(notification);
            counter("eops.notifications.failed", notification).increment();
            return;
        }
        try {
            gateway.send(notification);
        } catch (RecipientRejectedException rejected) {
            notification.rejected(rejected.getMessage(), clock.instant());
            notifications.update(notification);
            counter("eops.notifications.failed", notification).increment();
            log.warn("Notification {} refused for good: {}", notification.id(), rejected.getMessage());
            return;
        } catch (MailNotDeliveredException notDelivered) {
            Instant now = clock.instant();
            notification.notDelivered(notDelivered.getMessage(), now, now.plus(properties.retryDelay()));
            notifications.update(notification);
            log.info(
                    "Notification {} not delivered ({}); pending, next try after {}",
                    notification.id(),
                    notDelivered.getMessage(),
                    properties.retryDelay());
            return;
        }
        recordSent(notification, clock.instant());
    }

    private void recordSent(Notification notification, Instant acceptedAt) {
        try {
            notification.sent(acceptedAt);
            if (!notifications.update(notification)) {
                log.warn(
                        "Notification {} was sent, but another attempt had taken it over meanwhile", notification.id());
                return;
            }
        } catch (RuntimeException notRecorded) {
            acceptedButNotRecorded.put(notification.id(), acceptedAt);
            throw notRecorded;
        }
        counter("eops.notifications.sent", notification).increment();
    }

    private Counter counter(String name, Notification notification) {
        return Counter.builder(name)
                .description(
                        name.endsWith("sent")
                                ? "Notifications the channel accepted"
                                : "Notifications refused for good by their channel")
                .tag("template", notification.template())
                .tag("channel", notification.channel().name())
                .register(meters);
    }
}
