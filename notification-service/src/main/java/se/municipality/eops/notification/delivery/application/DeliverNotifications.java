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
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * passed: outages are waited out and nothing is dead-lettered. The sweep takes the least recently tried
 * first, so a notification the channel keeps refusing never holds up the others; one that failed on every
 * try for {@code give-up-after} while the channel took other notifications is given up.
 */
public class DeliverNotifications implements AutoCloseable {

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

    /**
     * When each channel last accepted a notification from this instance: a notification that fails although its
     * channel took another since its previous try is refused by a working channel (see {@code give-up-after}).
     */
    private final Map<Channel, Instant> lastAccepted = new ConcurrentHashMap<>();

    /** Renews the claims of sends on their way ({@link ClaimKeeper}). */
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "notification-claim-renewal");
        thread.setDaemon(true);
        return thread;
    });

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

    /**
     * One sweep run: sends the pending notifications no attempt holds, up to a batch per channel whose breaker
     * lets calls through (a channel that is down is not even read, so its backlog never holds up the others);
     * returns how many it tried. Never tried first, then the least recently tried ({@link
     * Notification#SWEEP_ORDER}): the half-open breaker's one trial goes to a notification that has not just failed,
     * so one the channel keeps refusing cannot reopen the breaker round after round while the others wait.
     */
    public int sweep() {
        int tried = 0;
        for (ChannelGateway gateway : channels.values()) {
            if (gateway.available()) {
                tried += sweep(gateway);
            }
        }
        return tried;
    }

    private int sweep(ChannelGateway gateway) {
        List<Notification> due =
                notifications.pendingDue(clock.instant(), gateway.channel(), properties.sweepBatchSize());
        int tried = 0;
        for (Notification notification : due) {
            if (!gateway.available()) {
                break; // the breaker opened meanwhile: retrying now would only be refused
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
        if (!claimLastsForASend(notification)) {
            return;
        }
        RuntimeException failure = null;
        try (ClaimKeeper keeper = new ClaimKeeper(notification)) {
            gateway.send(notification);
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure instanceof RecipientRejectedException rejected) {
            notification.rejected(rejected.getMessage(), clock.instant());
            notifications.update(notification);
            counter("eops.notifications.failed", notification).increment();
            log.warn("Notification {} refused for good: {}", notification.id(), rejected.getMessage());
        } else if (failure instanceof OutcomeUnknownException unknown) {
            outcomeUnknown(notification, unknown);
        } else if (failure instanceof ChannelUnavailableException unavailable) {
            Instant now = clock.instant();
            notification.notTried(unavailable.getMessage(), now, now.plus(properties.retryDelay()));
            notifications.update(notification);
            log.info(
                    "Notification {} not sent ({}); pending, next try after {}",
                    notification.id(),
                    unavailable.getMessage(),
                    properties.retryDelay());
        } else if (failure instanceof MailNotDeliveredException notDelivered) {
            notDelivered(notification, notDelivered);
        } else if (failure != null) {
            throw failure;
        } else {
            recordSent(notification, clock.instant());
        }
    }

    /**
     * A send starts only with at least half a lease of its claim left; with less (it waited in the senders'
     * queue) the claim is renewed first, by a versioned write that fails if another attempt took it over.
     * Else the claim could run out while the send is on its way, and the sweep send it a second time.
     */
    private boolean claimLastsForASend(Notification notification) {
        Instant now = clock.instant();
        if (notification.claimedAt(now.plus(properties.claimLease().dividedBy(2)))) {
            return true;
        }
        if (!notification.claimedAt(now)) {
            return false; // ran out: another attempt may hold it now
        }
        notification.renewClaim(now, properties.claimLease());
        return notifications.update(notification);
    }

    /**
     * Keeps a notification claimed while its send is on its way: renews the claim every third of the lease, so a
     * send slower than the lease (a mail server slow to answer, retries) is not taken over and sent again by the
     * sweep. Closed before the outcome is written; a renewal running then is waited for.
     */
    private final class ClaimKeeper implements AutoCloseable {

        private final Notification notification;
        private final ScheduledFuture<?> renewing;
        private boolean stopped;

        ClaimKeeper(Notification notification) {
            this.notification = notification;
            long every = Math.max(1, properties.claimLease().toMillis() / 3);
            this.renewing = renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }

        private synchronized void renew() {
            if (stopped) {
                return;
            }
            try {
                Instant now = clock.instant();
                if (!notification.claimedAt(now)) {
                    stopped = true;
                    log.warn("Claim of notification {} ran out while it was being sent", notification.id());
                    return;
                }
                notification.renewClaim(now, properties.claimLease());
                if (!notifications.update(notification)) {
                    stopped = true;
                    log.warn("Notification {} was taken over while it was being sent", notification.id());
                }
            } catch (RuntimeException notRenewed) {
                log.warn("Could not renew the claim of notification {}: {}", notification.id(), notRenewed.toString());
            }
        }

        @Override
        public synchronized void close() {
            stopped = true;
            renewing.cancel(false);
        }
    }

    /** Stops renewing claims; sends still running keep their claims until they run out. */
    @Override
    public void close() {
        renewals.shutdownNow();
    }

    /** Tried and not taken, for now: pending until the retry delay has passed, or given up (see give-up-after). */
    private void notDelivered(Notification notification, MailNotDeliveredException notDelivered) {
        Instant now = clock.instant();
        boolean givenUp = notification.notDelivered(
                notDelivered.getMessage(),
                now,
                now.plus(properties.retryDelay()),
                lastAccepted.get(notification.channel()),
                properties.giveUpAfter());
        notifications.update(notification);
        if (givenUp) {
            counter("eops.notifications.failed", notification).increment();
            log.warn(
                    "Notification {} given up: not taken on any try for {} while its channel took others ({})",
                    notification.id(),
                    properties.giveUpAfter(),
                    notDelivered.getMessage());
        } else {
            log.info(
                    "Notification {} not delivered ({}); pending, next try after {}",
                    notification.id(),
                    notDelivered.getMessage(),
                    properties.retryDelay());
        }
    }

    /** Sent whole without an answer: never at once again (the channel may have it); later, or failed for good. */
    private void outcomeUnknown(Notification notification, OutcomeUnknownException unknown) {
        Instant now = clock.instant();
        boolean failed = notification.outcomeUnknown(
                unknown.getMessage(),
                now,
                now.plus(properties.unknownOutcomeDelay()),
                properties.unknownOutcomeResends());
        notifications.update(notification);
        Counter.builder("eops.notifications.unknown.outcomes")
                .description("Sends that went out whole without the channel's answer (it may have the message)")
                .tag("channel", notification.channel().name())
                .register(meters)
                .increment();
        if (failed) {
            counter("eops.notifications.failed", notification).increment();
            log.warn(
                    "Notification {} failed: outcome unknown after {} sends, not sent again ({})",
                    notification.id(),
                    notification.unknownOutcomes(),
                    unknown.getMessage());
        } else {
            log.warn(
                    "Notification {} sent without an answer, the server may have it ({}); sent again at the earliest"
                            + " after {}",
                    notification.id(),
                    unknown.getMessage(),
                    properties.unknownOutcomeDelay());
        }
    }

    private void recordSent(Notification notification, Instant acceptedAt) {
        lastAccepted.merge(notification.channel(), acceptedAt, (known, later) -> later.isAfter(known) ? later : known);
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
                                : "Notifications that failed for good: refused by their channel, or given up")
                .tag("template", notification.template())
                .tag("channel", notification.channel().name())
                .register(meters);
    }
}
