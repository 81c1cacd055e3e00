package se.municipality.eops.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.contract.notification.NotificationFailed;
import se.municipality.eops.contract.notification.NotificationSent;

class NotificationTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-27T09:15:31Z");
    private static final UUID CAUSE = UUID.randomUUID();
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(1);

    private static Notification claimedAt(Instant now) {
        return claimedAt("receipt:" + CAUSE, now);
    }

    private static Notification claimedAt(String id, Instant now) {
        return Notification.claimNew(
                id,
                ReceiptMail.TEMPLATE,
                Channel.EMAIL,
                "anna@kommun.example",
                "req-1",
                CAUSE,
                new Message("sv", "Vi har tagit emot din begäran", "Hej Anna!", null, null),
                now,
                LEASE);
    }

    /** As if read back from the repository: raised events are written, a version exists. */
    private static Notification stored(Notification notification) {
        notification.stored(
                notification.snapshot().version() == null
                        ? 0
                        : notification.snapshot().version() + 1);
        return notification;
    }

    @Test
    void aNewNotificationIsPendingAndClaimedByItsCreatorForTheLease() {
        Notification notification = claimedAt(T0);

        assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(notification.attempts()).isEqualTo(1);
        assertThat(notification.snapshot().claimedUntil()).isEqualTo(T0.plus(LEASE));
        assertThat(notification.newEvents()).isEmpty();
    }

    @Test
    void sentRaisesNotificationSentAboutTheCausingEventAndIsFinal() {
        Notification notification = claimedAt(T0);

        notification.sent(T0.plusSeconds(1));

        assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(notification.snapshot().sentAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(notification.snapshot().claimedUntil()).isNull();
        assertThat(notification.newEvents()).singleElement().isInstanceOfSatisfying(NotificationSent.class, sent -> {
            assertThat(sent.notificationId()).isEqualTo("receipt:" + CAUSE);
            assertThat(sent.causedByEventId()).isEqualTo(CAUSE);
            assertThat(sent.requestId()).isEqualTo("req-1");
            assertThat(sent.recipient()).isEqualTo("anna@kommun.example");
            assertThat(sent.template()).isEqualTo(ReceiptMail.TEMPLATE);
            assertThat(sent.channel()).isEqualTo(Channel.EMAIL);
            assertThat(sent.occurredAt()).isEqualTo(T0.plusSeconds(1));
        });
        stored(notification);
        assertThat(notification.claim(T0.plus(Duration.ofDays(1)), LEASE)).isEqualTo(ClaimOutcome.ALREADY_DONE);
        assertThat(notification.newEvents()).isEmpty();
        assertThatThrownBy(() -> notification.sent(T0.plusSeconds(2))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRunningClaimKeepsOtherAttemptsOut() {
        Notification notification = stored(claimedAt(T0));

        assertThat(notification.claim(T0.plusSeconds(29), LEASE)).isEqualTo(ClaimOutcome.IN_PROGRESS);
        assertThat(notification.attempts()).isEqualTo(1);
    }

    @Test
    void anExpiredClaimIsTakenOverBecauseItsAttemptDiedBeforeRecordingAnything() {
        Notification notification = stored(claimedAt(T0));

        assertThat(notification.claim(T0.plusSeconds(31), LEASE)).isEqualTo(ClaimOutcome.CLAIMED);

        assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(notification.attempts()).isEqualTo(2);
        assertThat(notification.snapshot().claimedUntil())
                .isEqualTo(T0.plusSeconds(31).plus(LEASE));
    }

    @Test
    void aRejectedRecipientFailsForGoodAndRaisesNotificationFailed() {
        Notification notification = claimedAt(T0);

        notification.rejected("550 5.1.1 no such user", T0.plusSeconds(1));

        assertThat(notification.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(notification.failure()).isEqualTo(FailureKind.REJECTED);
        assertThat(notification.newEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        NotificationFailed.class,
                        failed -> assertThat(failed.reason()).isEqualTo("550 5.1.1 no such user"));
        stored(notification);
        assertThat(notification.claim(T0.plus(Duration.ofDays(1)), LEASE)).isEqualTo(ClaimOutcome.ALREADY_DONE);
    }

    @Test
    void aPassingFailureKeepsItPendingAndOutOfEveryAttemptUntilItsRetryTime() {
        Notification notification = claimedAt(T0);

        notification.notDelivered("connection refused", T0.plusSeconds(1), T0.plusSeconds(6), null, GIVE_UP_AFTER);

        assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(notification.snapshot().lastError()).isEqualTo("connection refused");
        assertThat(notification.newEvents()).isEmpty();
        assertThat(notification.claim(T0.plusSeconds(5), LEASE)).isEqualTo(ClaimOutcome.IN_PROGRESS);
        assertThat(notification.claim(T0.plusSeconds(6), LEASE)).isEqualTo(ClaimOutcome.CLAIMED);
        assertThat(notification.attempts()).isEqualTo(2);
        assertThat(notification.claimedAt(T0.plusSeconds(7))).isTrue();
    }

    @Test
    void neverGivesUpOnAFailureWhileItsChannelTakesNothingElseHoweverLongItLasts() {
        Notification notification = claimedAt(T0);
        Instant channelTookAnotherAt = T0.minusSeconds(1); // before the outage
        notification.notDelivered("timeout", T0, T0.plusSeconds(5), channelTookAnotherAt, GIVE_UP_AFTER);
        for (int attempt = 1; attempt <= 100; attempt++) {
            Instant now = T0.plusSeconds(attempt * 10L);
            assertThat(notification.claim(now, LEASE)).isEqualTo(ClaimOutcome.CLAIMED);
            assertThat(notification.notDelivered(
                            "timeout", now, now.plusSeconds(5), channelTookAnotherAt, GIVE_UP_AFTER))
                    .isFalse();
        }

        assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(notification.newEvents()).isEmpty();
    }

    @Test
    void givesUpWithNotificationFailedOnceItWasDeferredOnEveryTryForTheGiveUpTimeWhileItsChannelTookOthers() {
        Notification notification = claimedAt(T0);
        String deferred = "451 4.7.1 greylisted, try again later";
        notification.notDelivered(deferred, T0, T0.plusSeconds(5), null, GIVE_UP_AFTER);
        // Every try from the second on comes after the channel took another mail: deferred since T0 + 10 s.
        for (int attempt = 1; attempt <= 6; attempt++) {
            Instant now = T0.plusSeconds(attempt * 10L);
            notification.claim(now, LEASE);
            assertThat(notification.notDelivered(deferred, now, now.plusSeconds(5), now.minusSeconds(1), GIVE_UP_AFTER))
                    .isFalse(); // not a minute yet
        }
        assertThat(notification.newEvents()).isEmpty();

        Instant aMinuteOn = T0.plusSeconds(10).plus(GIVE_UP_AFTER);
        notification.claim(aMinuteOn, LEASE);
        assertThat(notification.notDelivered(
                        deferred, aMinuteOn, aMinuteOn.plusSeconds(5), aMinuteOn.minusSeconds(1), GIVE_UP_AFTER))
                .isTrue();

        assertThat(notification.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(notification.failure()).isEqualTo(FailureKind.GAVE_UP);
        assertThat(notification.newEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        NotificationFailed.class,
                        failed -> assertThat(failed.reason())
                                .isEqualTo("given up: not taken on any try for 1 min while the channel took other"
                                        + " notifications; last: " + deferred));
        assertThat(notification.claimedAt(aMinuteOn)).isFalse();
    }

    @Test
    void aFailureWhileTheChannelTakesNothingElseNeitherStartsNorEndsTheCountTowardsGivingUp() {
        Notification notification = claimedAt(T0);
        Instant tookAnother = T0.minusSeconds(1);
        assertThat(notification.notDelivered("timeout", T0, T0.plusSeconds(5), tookAnother, GIVE_UP_AFTER))
                .isFalse();
        Instant deferred = T0.plus(Duration.ofHours(5)); // the outage is over
        tookAnother = deferred.minusSeconds(1);
        notification.claim(deferred, LEASE);
        assertThat(notification.notDelivered(
                        "451 try later", deferred, deferred.plusSeconds(5), tookAnother, GIVE_UP_AFTER))
                .isFalse(); // the count starts only here
        for (int attempt = 1; attempt <= 5; attempt++) { // down again: the channel takes nothing
            Instant now = deferred.plusSeconds(attempt * 10L);
            notification.claim(now, LEASE);
            assertThat(notification.notDelivered("timeout", now, now.plusSeconds(5), tookAnother, GIVE_UP_AFTER))
                    .isFalse();
        }

        Instant aMinuteOn = deferred.plus(GIVE_UP_AFTER); // up again, and it takes others but not this one
        notification.claim(aMinuteOn, LEASE);
        assertThat(notification.notDelivered(
                        "451 try later", aMinuteOn, aMinuteOn.plusSeconds(5), aMinuteOn.minusSeconds(1), GIVE_UP_AFTER))
                .isTrue();
        assertThat(notification.failure()).isEqualTo(FailureKind.GAVE_UP);
    }

    @Test
    void aGiveUpTimeOfZeroNeverGivesUp() {
        Notification notification = claimedAt(T0);
        notification.notDelivered("451 try later", T0, T0.plusSeconds(5), null, Duration.ZERO);
        for (Instant now : List.of(T0.plusSeconds(10), T0.plus(Duration.ofDays(30)))) {
            notification.claim(now, LEASE);
            assertThat(notification.notDelivered(
                            "451 try later", now, now.plusSeconds(5), now.minusSeconds(1), Duration.ZERO))
                    .isFalse();
        }

        assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(notification.newEvents()).isEmpty();
    }

    @Test
    void aSendTheOpenBreakerRefusedIsNoTryButWaitsLikeOne() {
        Notification notification = claimedAt(T0);

        notification.notTried("circuit breaker email is open", T0.plusSeconds(1), T0.plusSeconds(6));

        assertThat(notification.lastTriedAt()).isNull();
        assertThat(notification.snapshot().deferredSince()).isNull();
        assertThat(notification.snapshot().lastError()).isEqualTo("circuit breaker email is open");
        assertThat(notification.claim(T0.plusSeconds(5), LEASE)).isEqualTo(ClaimOutcome.IN_PROGRESS);
        assertThat(notification.claim(T0.plusSeconds(6), LEASE)).isEqualTo(ClaimOutcome.CLAIMED);
    }

    @Test
    void theSweepTakesTheNeverTriedFirstThenTheLeastRecentlyTriedEachOldestFirst() {
        Notification triedLast = claimedAt("a", T0);
        triedLast.notDelivered("451 try later", T0.plusSeconds(50), T0.plusSeconds(55), null, GIVE_UP_AFTER);
        Notification neverTried = claimedAt("b", T0.plusSeconds(10));
        Notification triedFirst = claimedAt("c", T0.plusSeconds(20));
        triedFirst.notDelivered("timeout", T0.plusSeconds(30), T0.plusSeconds(35), null, GIVE_UP_AFTER);
        Notification refusedByTheBreaker = claimedAt("d", T0.plusSeconds(5));
        refusedByTheBreaker.notTried("circuit breaker email is open", T0.plusSeconds(60), T0.plusSeconds(65));
        Notification outcomeUnknown = claimedAt("e", T0.minusSeconds(10));
        outcomeUnknown.outcomeUnknown("no answer", T0.plusSeconds(40), T0.plusSeconds(45), 1);

        List<String> order = Stream.of(triedLast, neverTried, triedFirst, refusedByTheBreaker, outcomeUnknown)
                .map(Notification::snapshot)
                .sorted(Notification.SWEEP_ORDER)
                .map(Notification.Snapshot::id)
                .toList();

        assertThat(order).containsExactly("d", "b", "c", "e", "a");
    }

    @Test
    void onlyAPendingNotificationCanFail() {
        Notification notification = claimedAt(T0);
        notification.sent(T0);

        assertThatThrownBy(() -> notification.rejected("550", T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> notification.notDelivered("timeout", T0, T0, null, GIVE_UP_AFTER))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void survivesTheRoundTripThroughItsSnapshot() {
        Notification notification = claimedAt(T0);
        notification.notDelivered("451 try later", T0.plusSeconds(1), T0.plusSeconds(6), null, GIVE_UP_AFTER);
        notification.claim(T0.plusSeconds(6), LEASE);
        notification.notDelivered(
                "451 try later", T0.plusSeconds(7), T0.plusSeconds(12), T0.plusSeconds(6), GIVE_UP_AFTER);
        assertThat(notification.snapshot().deferredSince()).isEqualTo(T0.plusSeconds(7));
        notification.stored(7);

        Notification restored = Notification.restore(notification.snapshot());

        assertThat(restored.snapshot()).isEqualTo(notification.snapshot());
    }
}
