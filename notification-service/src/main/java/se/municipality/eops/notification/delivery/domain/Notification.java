package se.municipality.eops.notification.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.contract.notification.NotificationFailed;
import se.municipality.eops.contract.notification.NotificationSent;

/**
 * One message to one recipient, caused by one event, and the record that makes it go out once.
 *
 * <p>A delivery attempt first <em>claims</em> the notification for a limited time (the lease), then
 * sends, then records the outcome. A second delivery of the same event finds the claim: it skips a
 * notification that is done, backs off from one whose claim is still running, and takes over one
 * whose claim expired (the attempt holding it died before it could record anything). The lease
 * must therefore outlast the slowest send.
 *
 * <p>Outcomes raise {@code NotificationSent} or {@code NotificationFailed}; the repository stores
 * them in the same write as the new status.
 */
public final class Notification {

    /**
     * The order in which the sweep takes the due notifications ({@link Notifications#pendingDue}): the ones never
     * tried first, then the least recently tried, each oldest first. A notification whose try failed goes behind
     * every other due one, so one the channel keeps refusing (a recipient a mail server keeps deferring) cannot be
     * the half-open circuit breaker's one trial round after round, reopening it each time while the notifications
     * behind it wait. A send the open breaker refused is no try ({@link #notTried}): those go first.
     */
    public static final Comparator<Snapshot> SWEEP_ORDER = Comparator.comparing(
                    Snapshot::lastTriedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Snapshot::createdAt)
            .thenComparing(Snapshot::id);

    private final String id;
    private final String template;
    private final Channel channel;
    private final String recipient;
    private final String requestId;
    private final UUID causedByEventId;
    private final Message message;
    private final Instant createdAt;
    private NotificationStatus status;
    private FailureKind failure;
    private int attempts;
    private int unknownOutcomes;
    private Instant updatedAt;
    private Instant claimedUntil;
    private Instant sentAt;
    private String lastError;
    private Instant lastTriedAt;
    private Instant deferredSince;
    private Long version;
    private final List<DomainEvent> newEvents = new ArrayList<>();

    private Notification(Snapshot state) {
        this.id = Objects.requireNonNull(state.id(), "id");
        this.template = Objects.requireNonNull(state.template(), "template");
        this.channel = Objects.requireNonNull(state.channel(), "channel");
        this.recipient = Objects.requireNonNull(state.recipient(), "recipient");
        this.requestId = state.requestId();
        this.causedByEventId = state.causedByEventId();
        this.message = Objects.requireNonNull(state.message(), "message");
        this.createdAt = Objects.requireNonNull(state.createdAt(), "createdAt");
        this.status = Objects.requireNonNull(state.status(), "status");
        this.failure = state.failure();
        this.attempts = state.attempts();
        this.unknownOutcomes = state.unknownOutcomes();
        this.updatedAt = state.updatedAt();
        this.claimedUntil = state.claimedUntil();
        this.sentAt = state.sentAt();
        this.lastError = state.lastError();
        this.lastTriedAt = state.lastTriedAt();
        this.deferredSince = state.deferredSince();
        this.version = state.version();
    }

    /** A new notification, already claimed by the attempt that creates it. */
    public static Notification claimNew(
            String id,
            String template,
            Channel channel,
            String recipient,
            String requestId,
            UUID causedByEventId,
            Message message,
            Instant now,
            Duration lease) {
        return new Notification(new Snapshot(
                id,
                template,
                channel,
                recipient,
                requestId,
                causedByEventId,
                message,
                NotificationStatus.PENDING,
                null,
                1,
                0,
                now,
                now,
                now.plus(lease),
                null,
                null,
                null,
                null,
                null));
    }

    /** A notification as it was stored. */
    public static Notification restore(Snapshot state) {
        return new Notification(state);
    }

    /** Tries to take the notification for a new attempt; see {@link ClaimOutcome}. */
    public ClaimOutcome claim(Instant now, Duration lease) {
        switch (status) {
            case SENT:
                return ClaimOutcome.ALREADY_DONE;
            case FAILED:
                if (failure != FailureKind.GAVE_UP) {
                    return ClaimOutcome.ALREADY_DONE;
                }
                // A new round after giving up: the mail never went out, so it may now.
                status = NotificationStatus.PENDING;
                failure = null;
                attempts = 0;
                unknownOutcomes = 0;
                deferredSince = null;
                break;
            case PENDING:
                if (claimedUntil != null && claimedUntil.isAfter(now)) {
                    return ClaimOutcome.IN_PROGRESS;
                }
                break;
        }
        attempts++;
        claimedUntil = now.plus(lease);
        updatedAt = now;
        return ClaimOutcome.CLAIMED;
    }

    /** The channel accepted the message. */
    public void sent(Instant now) {
        requirePending("sent");
        status = NotificationStatus.SENT;
        sentAt = now;
        lastTriedAt = now;
        claimedUntil = null;
        lastError = null;
        updatedAt = now;
        newEvents.add(new NotificationSent(
                UUID.randomUUID(), id, now, channel, recipient, template, causedByEventId, requestId));
    }

    /** The recipient was refused for good: no retry will change that. */
    public void rejected(String reason, Instant now) {
        requirePending("rejected");
        lastTriedAt = now;
        fail(FailureKind.REJECTED, reason, reason, now);
    }

    /**
     * This try reached the channel and failed on something that may pass (the server down or slow, a 4xx answer).
     * The notification stays pending: the claim is released, and no attempt takes it before {@code retryAt}, so a
     * sweep waits out an outage instead of hammering the server.
     *
     * <p>A failure after the channel took another notification since this one's previous try says the channel
     * works and will not take this one (a recipient a mail server keeps deferring): the notification is
     * <em>deferred</em>. Deferred on every such try for {@code giveUpAfter}, counted from the first, it is given up
     * ({@link FailureKind#GAVE_UP}, with {@code NotificationFailed}). A failure while the channel takes nothing (an
     * outage) neither starts nor ends that count: outages are waited out however long they last.
     *
     * @param channelTookAnotherAt when the channel last accepted another notification, as far as the sender knows;
     *     null if it has not seen one
     * @param giveUpAfter how long it may be deferred before it is given up; zero: never
     * @return whether it was given up
     */
    public boolean notDelivered(
            String reason, Instant now, Instant retryAt, Instant channelTookAnotherAt, Duration giveUpAfter) {
        requirePending("not delivered");
        boolean channelWorks =
                lastTriedAt != null && channelTookAnotherAt != null && channelTookAnotherAt.isAfter(lastTriedAt);
        lastTriedAt = now;
        if (channelWorks) {
            if (deferredSince == null) {
                deferredSince = now;
            }
            Duration deferredFor = Duration.between(deferredSince, now);
            if (!giveUpAfter.isZero() && deferredFor.compareTo(giveUpAfter) >= 0) {
                String why = "given up: not taken on any try for " + inWords(deferredFor)
                        + " while the channel took other notifications; last: " + reason;
                fail(FailureKind.GAVE_UP, why, why, now);
                return true;
            }
        }
        claimedUntil = retryAt;
        lastError = reason;
        updatedAt = now;
        return false;
    }

    /**
     * The send did not reach the channel: its circuit breaker is open and refused it. No try, so it neither moves
     * the notification back in the sweep's order ({@link #SWEEP_ORDER}) nor counts towards giving it up; it waits
     * until {@code retryAt} like a failed try.
     */
    public void notTried(String reason, Instant now, Instant retryAt) {
        requirePending("not tried");
        claimedUntil = retryAt;
        lastError = reason;
        updatedAt = now;
    }

    /**
     * This attempt sent the message whole but got no answer (the mail server silent past its timeout after the
     * final "."): the channel may have it, so it is not sent again soon. It waits until {@code retryAt}, long
     * enough for a server that did take it to have delivered it, and is sent again at most {@code resendsAllowed}
     * times; when the outcome of one more send stays unknown it fails for good ({@link FailureKind#OUTCOME_UNKNOWN},
     * with {@code NotificationFailed}): a person should look, rather than the recipient get copy after copy.
     *
     * @return whether it failed for good
     */
    public boolean outcomeUnknown(String reason, Instant now, Instant retryAt, int resendsAllowed) {
        requirePending("outcome unknown");
        unknownOutcomes++;
        lastTriedAt = now;
        if (unknownOutcomes > resendsAllowed) {
            String why = "outcome unknown after " + unknownOutcomes + (unknownOutcomes == 1 ? " send: " : " sends: ")
                    + reason;
            fail(FailureKind.OUTCOME_UNKNOWN, why, why, now);
            return true;
        }
        claimedUntil = retryAt;
        lastError = reason;
        updatedAt = now;
        return false;
    }

    /**
     * The attempt holding it, still in time, holds it for {@code lease} from {@code now}: a slow send keeps its
     * claim, so that no other attempt takes the notification over and sends it a second time meanwhile.
     */
    public void renewClaim(Instant now, Duration lease) {
        requirePending("renewed");
        if (!claimedAt(now)) {
            throw new IllegalStateException(
                    "the claim of notification " + id + " ran out: another attempt may have it");
        }
        claimedUntil = now.plus(lease);
        updatedAt = now;
    }

    /** Whether the attempt holding this copy still owns it at {@code now} (its claim has not run out). */
    public boolean claimedAt(Instant now) {
        return status == NotificationStatus.PENDING && claimedUntil != null && claimedUntil.isAfter(now);
    }

    private static String inWords(Duration duration) {
        if (duration.toHours() > 0) {
            return duration.toHours() + " h " + duration.toMinutesPart() + " min";
        }
        return duration.toMinutes() > 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    private void fail(FailureKind kind, String error, String reason, Instant now) {
        status = NotificationStatus.FAILED;
        failure = kind;
        claimedUntil = null;
        lastError = error;
        updatedAt = now;
        newEvents.add(new NotificationFailed(
                UUID.randomUUID(), id, now, channel, recipient, template, causedByEventId, requestId, reason));
    }

    private void requirePending(String outcome) {
        if (status != NotificationStatus.PENDING) {
            throw new IllegalStateException("notification " + id + " is " + status + ", cannot be " + outcome);
        }
    }

    /** The events raised since the last write, for the repository to store with the state. */
    public List<DomainEvent> newEvents() {
        return List.copyOf(newEvents);
    }

    /** The repository wrote the state and the new events; {@code newVersion} is its concurrency token. */
    public void stored(long newVersion) {
        this.version = newVersion;
        newEvents.clear();
    }

    public Snapshot snapshot() {
        return new Snapshot(
                id,
                template,
                channel,
                recipient,
                requestId,
                causedByEventId,
                message,
                status,
                failure,
                attempts,
                unknownOutcomes,
                createdAt,
                updatedAt,
                claimedUntil,
                sentAt,
                lastError,
                lastTriedAt,
                deferredSince,
                version);
    }

    public String id() {
        return id;
    }

    public Message message() {
        return message;
    }

    public Channel channel() {
        return channel;
    }

    public String recipient() {
        return recipient;
    }

    public String requestId() {
        return requestId;
    }

    public UUID causedByEventId() {
        return causedByEventId;
    }

    public String template() {
        return template;
    }

    public NotificationStatus status() {
        return status;
    }

    public FailureKind failure() {
        return failure;
    }

    public int attempts() {
        return attempts;
    }

    public int unknownOutcomes() {
        return unknownOutcomes;
    }

    public Instant lastTriedAt() {
        return lastTriedAt;
    }

    /**
     * Everything stored about a notification.
     *
     * @param attempts the attempts of the current round (a redelivery after giving up starts anew)
     * @param unknownOutcomes sends of the current round that went out whole without an answer
     * @param message what the recipient gets, rendered when the event arrived
     * @param claimedUntil when the running attempt's claim expires, or before when no attempt may take
     *     it after a failed one; null when any attempt may take it
     * @param lastError the latest failure, kept while the notification waits for the next attempt
     * @param lastTriedAt when a send of it last reached the channel (one the open breaker refused is no try); null:
     *     never
     * @param deferredSince the first failed try after which the channel had taken another notification (it works,
     *     but not for this one), of the tries since that all failed; null: not deferred so
     * @param version the repository's concurrency token; null before the first write
     */
    public record Snapshot(
            String id,
            String template,
            Channel channel,
            String recipient,
            String requestId,
            UUID causedByEventId,
            Message message,
            NotificationStatus status,
            FailureKind failure,
            int attempts,
            int unknownOutcomes,
            Instant createdAt,
            Instant updatedAt,
            Instant claimedUntil,
            Instant sentAt,
            String lastError,
            Instant lastTriedAt,
            Instant deferredSince,
            Long version) {}
}
