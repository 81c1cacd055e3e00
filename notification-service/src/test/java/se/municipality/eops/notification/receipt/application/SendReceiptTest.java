package se.municipality.eops.notification.receipt.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.contract.notification.NotificationFailed;
import se.municipality.eops.contract.notification.NotificationSent;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import se.municipality.eops.notification.receipt.domain.FailureKind;
import se.municipality.eops.notification.receipt.domain.Notification;
import se.municipality.eops.notification.receipt.domain.NotificationStatus;
import se.municipality.eops.notification.receipt.domain.OutgoingMail;
import se.municipality.eops.notification.receipt.domain.ReceiptMail;
import se.municipality.eops.testkit.MovableClock;

class SendReceiptTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final InMemoryNotifications notifications = new InMemoryNotifications();
    private final ScriptedMailGateway mailServer = new ScriptedMailGateway();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T09:15:31Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SendReceipt sendReceipt = new SendReceipt(
            notifications,
            mailServer,
            new ReceiptMail(URI.create("http://localhost:8081")),
            clock,
            new NotificationProperties(LEASE, 3),
            meters);

    private final RequestSubmitted event = RequestSubmittedMother.newEServicePublication();
    private final String id = ReceiptMail.notificationId(event.eventId());

    @Test
    void sendsTheReceiptAndRecordsNotificationSentWithTheState() {
        sendReceipt.handle(event);

        assertThat(mailServer.accepted).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("anna.andersson@kommun.example");
            assertThat(mail.reference()).isEqualTo(id);
        });
        assertThat(notifications.get(id).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(notifications.writtenEvents).singleElement().isInstanceOfSatisfying(NotificationSent.class, sent -> {
            assertThat(sent.causedByEventId()).isEqualTo(event.eventId());
            assertThat(sent.requestId()).isEqualTo(event.requestId());
        });
        assertThat(counter("eops.notifications.sent")).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventSendsNothing() {
        sendReceipt.handle(event);
        sendReceipt.handle(event);
        sendReceipt.handle(event);

        assertThat(mailServer.accepted).hasSize(1);
        assertThat(notifications.writtenEvents).hasSize(1);
        assertThat(counter("eops.notifications.sent")).isEqualTo(1);
    }

    @Test
    void backsOffWhileAnotherAttemptIsSending() {
        claimedElsewhereAt(clock.instant());

        assertThatThrownBy(() -> sendReceipt.handle(event)).isInstanceOf(NotificationInProgressException.class);

        assertThat(mailServer.accepted).isEmpty();
        assertThat(notifications.get(id).status()).isEqualTo(NotificationStatus.PENDING);
    }

    @Test
    void sendsWhenTheAttemptThatClaimedTheReceiptDiedBeforeSending() {
        claimedElsewhereAt(clock.instant().minus(LEASE).minusSeconds(1));

        sendReceipt.handle(event);

        assertThat(mailServer.accepted).hasSize(1);
        assertThat(notifications.get(id).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(notifications.get(id).attempts()).isEqualTo(2);
    }

    @Test
    void aRefusedRecipientIsReportedOnceAndNotRetried() {
        mailServer.next(new RecipientRejectedException("recipient refused: 550 5.1.1 no such user", null));

        sendReceipt.handle(event);
        sendReceipt.handle(event);

        assertThat(mailServer.attempts).isEqualTo(1);
        assertThat(notifications.get(id).status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(notifications.get(id).failure()).isEqualTo(FailureKind.REJECTED);
        assertThat(notifications.writtenEvents)
                .singleElement()
                .isInstanceOfSatisfying(NotificationFailed.class, failed -> {
                    assertThat(failed.reason()).isEqualTo("recipient refused: 550 5.1.1 no such user");
                    assertThat(failed.recipient()).isEqualTo("anna.andersson@kommun.example");
                });
        assertThat(counter("eops.notifications.failed")).isEqualTo(1);
    }

    @Test
    void aPassingFailureIsThrownForTheBinderToRetryAndTheRetrySends() {
        mailServer.next(new MailNotDeliveredException("connection refused", null));

        assertThatThrownBy(() -> sendReceipt.handle(event)).isInstanceOf(MailNotDeliveredException.class);
        assertThat(notifications.get(id).claimedUntil())
                .as("released for the retry")
                .isNull();
        clock.advance(Duration.ofMillis(500));
        sendReceipt.handle(event);

        assertThat(mailServer.accepted).hasSize(1);
        assertThat(notifications.get(id).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(notifications.get(id).attempts()).isEqualTo(2);
        assertThat(notifications.writtenEvents).singleElement().isInstanceOf(NotificationSent.class);
    }

    @Test
    void theLastFailedAttemptReportsNotificationFailedAndStillThrowsSoTheEventIsDeadLettered() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            mailServer.next(new MailNotDeliveredException("timeout", null));
            assertThatThrownBy(() -> sendReceipt.handle(event)).isInstanceOf(MailNotDeliveredException.class);
        }

        assertThat(notifications.get(id).status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(notifications.get(id).failure()).isEqualTo(FailureKind.GAVE_UP);
        assertThat(notifications.writtenEvents)
                .singleElement()
                .isInstanceOfSatisfying(
                        NotificationFailed.class,
                        failed -> assertThat(failed.reason()).isEqualTo("not delivered after 3 attempts: timeout"));
        assertThat(counter("eops.notifications.failed")).isEqualTo(1);
    }

    @Test
    void aReplayFromTheDeadLetterTopicAfterGivingUpSendsTheReceipt() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            mailServer.next(new MailNotDeliveredException("timeout", null));
            assertThatThrownBy(() -> sendReceipt.handle(event)).isInstanceOf(MailNotDeliveredException.class);
        }
        clock.advance(Duration.ofHours(1));

        sendReceipt.handle(event);

        assertThat(mailServer.accepted).hasSize(1);
        assertThat(notifications.get(id).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(notifications.writtenEvents)
                .map(Object::getClass)
                .containsExactly(NotificationFailed.class, NotificationSent.class);
    }

    @Test
    void aReceiptTheServerAcceptedButTheDatabaseDidNotRecordIsRecordedByTheRetryWithoutSendingAgain() {
        notifications.failNextUpdates(1);

        assertThatThrownBy(() -> sendReceipt.handle(event)).hasMessageContaining("database unavailable");
        assertThat(notifications.get(id).status()).isEqualTo(NotificationStatus.PENDING);
        sendReceipt.handle(event);

        assertThat(mailServer.attempts).isEqualTo(1);
        assertThat(notifications.get(id).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(notifications.writtenEvents).singleElement().isInstanceOf(NotificationSent.class);
        assertThat(counter("eops.notifications.sent")).isEqualTo(1);
    }

    private void claimedElsewhereAt(Instant when) {
        notifications.insertIfAbsent(Notification.claimNew(
                id,
                ReceiptMail.TEMPLATE,
                Channel.EMAIL,
                event.requester().email(),
                event.requestId(),
                event.eventId(),
                when,
                LEASE));
    }

    private double counter(String name) {
        return meters.get(name).tag("template", ReceiptMail.TEMPLATE).counter().count();
    }

    /** A mail server that accepts everything unless told to fail the next sends. */
    private static final class ScriptedMailGateway implements MailGateway {

        final List<OutgoingMail> accepted = new ArrayList<>();
        final Deque<RuntimeException> failures = new ArrayDeque<>();
        int attempts;

        void next(RuntimeException failure) {
            failures.add(failure);
        }

        @Override
        public void send(OutgoingMail mail) {
            attempts++;
            RuntimeException failure = failures.poll();
            if (failure != null) {
                throw failure;
            }
            accepted.add(mail);
        }
    }
}
