package se.municipality.eops.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.contract.notification.NotificationFailed;
import se.municipality.eops.contract.notification.NotificationSent;

class NotificationTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-27T09:15:31Z");
    private static final UUID CAUSE = UUID.randomUUID();

    private static Notification claimedAt(Instant now) {
        return Notification.claimNew(
                "receipt:" + CAUSE,
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

        notification.notDelivered("connection refused", T0.plusSeconds(1), T0.plusSeconds(6));

        assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(notification.snapshot().lastError()).isEqualTo("connection refused");
        assertThat(notification.newEvents()).isEmpty();
        assertThat(notification.claim(T0.plusSeconds(5), LEASE)).isEqualTo(ClaimOutcome.IN_PROGRESS);
        assertThat(notification.claim(T0.plusSeconds(6), LEASE)).isEqualTo(ClaimOutcome.CLAIMED);
        assertThat(notification.attempts()).isEqualTo(2);
        assertThat(notification.claimedAt(T0.plusSeconds(7))).isTrue();
    }

    @Test
    void neverGivesUpOnAPassingFailure() {
        Notification notification = claimedAt(T0);
        notification.notDelivered("timeout", T0, T0.plusSeconds(5));
        for (int attempt = 1; attempt <= 20; attempt++) {
            Instant now = T0.plusSeconds(attempt * 10L);
            assertThat(notification.claim(now, LEASE)).isEqualTo(ClaimOutcome.CLAIMED);
            notification.notDelivered("timeout", now, now.plusSeconds(5));
        }

        assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(notification.newEvents()).isEmpty();
    }

    @Test
    void onlyAPendingNotificationCanFail() {
        Notification notification = claimedAt(T0);
        notification.sent(T0);

        assertThatThrownBy(() -> notification.rejected("550", T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> notification.notDelivered("timeout", T0, T0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void survivesTheRoundTripThroughItsSnapshot() {
        Notification notification = claimedAt(T0);
        notification.stored(7);

        Notification restored = Notification.restore(notification.snapshot());

        assertThat(restored.snapshot()).isEqualTo(notification.snapshot());
    }
}
