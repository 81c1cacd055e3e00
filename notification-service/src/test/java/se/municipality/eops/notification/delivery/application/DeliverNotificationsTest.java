package se.municipality.eops.notification.delivery.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.contract.notification.NotificationFailed;
import se.municipality.eops.contract.notification.NotificationSent;
import se.municipality.eops.notification.TaskExecutor;
import se.municipality.eops.notification.delivery.domain.FailureKind;
import se.municipality.eops.notification.delivery.domain.Message;
import se.municipality.eops.notification.delivery.domain.Notification;
import se.municipality.eops.notification.delivery.domain.NotificationStatus;
import se.municipality.eops.notification.delivery.domain.ReceiptMail;
import se.municipality.eops.testkit.MovableClock;

class DeliverNotificationsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T09:15:31Z"));
    private final InMemoryNotifications notifications = new InMemoryNotifications();
    private final NotificationProperties properties = new NotificationProperties(
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            100,
            1,
            10,
            Duration.ofMinutes(10),
            1,
            Duration.ofHours(1));
    private final FakeChannel email = new FakeChannel();
    /** Runs what the sender threads would run at once, on the test's thread. */
    private final DeliverNotifications deliver = new DeliverNotifications(
            notifications, List.of(email), TaskExecutor.direct(), clock, properties, new SimpleMeterRegistry());

    @Test
    void anAddressRefusedForGoodFailsAtOnceWithNotificationFailedAndIsNotTriedAgain() {
        email.behaviour = n -> {
            throw new RecipientRejectedException("recipient refused: 550 5.1.1 no such user", null);
        };
        Notification notification = recorded("nobody@kommun.example");

        deliver.sendSoon(notification, true);
        clock.advance(Duration.ofMinutes(5));
        deliver.sweep();

        assertThat(email.calls).isEqualTo(1);
        assertThat(notifications.get(notification.id()).status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(notifications.writtenEvents)
                .singleElement()
                .isInstanceOfSatisfying(
                        NotificationFailed.class,
                        failed -> assertThat(failed.reason()).contains("550 5.1.1"));
    }

    @Test
    void aPassingFailureStaysPendingUntilItsRetryTimeThenGoesOutOnce() {
        email.behaviour = n -> {
            throw new MailNotDeliveredException("connection refused", null);
        };
        Notification notification = recorded("anna@kommun.example");

        deliver.sendSoon(notification, true);
        deliver.sweep(); // before the retry delay: left alone
        assertThat(email.calls).isEqualTo(1);
        assertThat(notifications.get(notification.id()).status()).isEqualTo(NotificationStatus.PENDING);

        email.behaviour = n -> {};
        clock.advance(Duration.ofSeconds(5));
        deliver.sweep();
        deliver.sweep();

        assertThat(email.calls).isEqualTo(2);
        assertThat(notifications.get(notification.id()).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(notifications.writtenEvents).singleElement().isInstanceOf(NotificationSent.class);
    }

    @Test
    void theSweepLeavesAChannelWhoseBreakerIsOpen() {
        email.available = false;
        Notification notification = recorded("anna@kommun.example");
        clock.advance(Duration.ofMinutes(1)); // the creator's claim ran out: the sweep's turn

        assertThat(deliver.sweep()).isZero();

        assertThat(email.calls).isZero();
        assertThat(notifications.get(notification.id()).status()).isEqualTo(NotificationStatus.PENDING);
    }

    @Test
    void theSweepSendsTheMailOfAChannelThatIsUpWhileAnotherChannelsOlderBacklogWaitsForItsBreaker() {
        FakeChannel webhook = new FakeChannel(Channel.WEBHOOK);
        webhook.available = false;
        DeliverNotifications withWebhook = new DeliverNotifications(
                notifications,
                List.of(email, webhook),
                TaskExecutor.direct(),
                clock,
                properties,
                new SimpleMeterRegistry());
        for (int i = 0; i < properties.sweepBatchSize() * 2 + 1; i++) {
            recorded(Channel.WEBHOOK, "CENTRAL_TEAM", "new-request");
            clock.advance(Duration.ofMillis(1));
        }
        clock.advance(Duration.ofSeconds(1));
        Notification mail = recorded("anna@kommun.example");
        clock.advance(Duration.ofMinutes(1)); // every claim ran out: all of them are due, the webhooks' first

        assertThat(withWebhook.sweep()).isEqualTo(1);

        assertThat(email.sentTo).containsExactly("anna@kommun.example");
        assertThat(notifications.get(mail.id()).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(webhook.calls).isZero();
    }

    @Test
    void theHalfOpenBreakersTrialGoesToAMailThatWaitedNotToTheOneTheServerKeepsDeferring() {
        String greylisted = "greylisted@kommun.example";
        email.behaviour = n -> {
            if (n.recipient().equals(greylisted)) {
                email.available = false; // its failure opens the breaker
                throw new MailNotDeliveredException("451 4.7.1 greylisted, try again later", null);
            }
        };
        deliver.sendSoon(recorded(greylisted), true);
        clock.advance(Duration.ofSeconds(1));
        Notification anna = recorded("anna@kommun.example");
        deliver.sendSoon(anna, true); // refused by the open breaker: no try
        clock.advance(Duration.ofSeconds(1));
        Notification erik = recorded("erik@kommun.example");
        deliver.sendSoon(erik, true);
        clock.advance(Duration.ofSeconds(30));
        email.available = true; // half open: the next send is its trial

        deliver.sweep();

        assertThat(email.sentTo).containsExactly(greylisted, "anna@kommun.example", "erik@kommun.example", greylisted);
        assertThat(notifications.get(anna.id()).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(notifications.get(erik.id()).status()).isEqualTo(NotificationStatus.SENT);
    }

    @Test
    void aMailTheChannelKeepsRefusingWhileItTakesOthersIsGivenUpAfterTheGiveUpTimeWithNotificationFailed() {
        DeliverNotifications givingUpAfterAMinute = new DeliverNotifications(
                notifications,
                List.of(email),
                TaskExecutor.direct(),
                clock,
                givingUpAfter(Duration.ofMinutes(1)),
                new SimpleMeterRegistry());
        String greylisted = "greylisted@kommun.example";
        email.behaviour = n -> {
            if (n.recipient().equals(greylisted)) {
                throw new MailNotDeliveredException("451 4.7.1 greylisted, try again later", null);
            }
        };
        Notification deferred = recorded(greylisted);
        givingUpAfterAMinute.sendSoon(deferred, true);

        // A mail to someone else every 5 s, and a sweep that tries the deferred one again after it.
        List<Notification> others = new ArrayList<>();
        for (int round = 1; round <= 13; round++) {
            assertThat(notifications.get(deferred.id()).status())
                    .as("round %d", round)
                    .isEqualTo(NotificationStatus.PENDING);
            clock.advance(Duration.ofSeconds(5));
            Notification other = recorded("person" + round + "@kommun.example");
            others.add(other);
            givingUpAfterAMinute.sendSoon(other, true);
            givingUpAfterAMinute.sweep();
        }

        // Deferred since its second try (5 s): given up at the try a minute after that.
        assertThat(email.sentTo).filteredOn(greylisted::equals).hasSize(14);
        assertThat(notifications.get(deferred.id()).status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(notifications.get(deferred.id()).failure()).isEqualTo(FailureKind.GAVE_UP);
        assertThat(notifications.writtenEvents)
                .filteredOn(NotificationFailed.class::isInstance)
                .singleElement()
                .satisfies(failed -> assertThat(((NotificationFailed) failed).reason())
                        .contains("given up")
                        .contains("1 min")
                        .contains("451 4.7.1 greylisted"));
        assertThat(others)
                .allSatisfy(other ->
                        assertThat(notifications.get(other.id()).status()).isEqualTo(NotificationStatus.SENT));
        clock.advance(Duration.ofMinutes(10));
        givingUpAfterAMinute.sweep();
        assertThat(email.sentTo).filteredOn(greylisted::equals).hasSize(14);
    }

    @Test
    void aMailThatFailsWhileTheChannelTakesNothingElseIsNeverGivenUp() {
        DeliverNotifications givingUpAfterAMinute = new DeliverNotifications(
                notifications,
                List.of(email),
                TaskExecutor.direct(),
                clock,
                givingUpAfter(Duration.ofMinutes(1)),
                new SimpleMeterRegistry());
        email.behaviour = n -> {
            throw new MailNotDeliveredException("connection refused", null);
        };
        Notification notification = recorded("anna@kommun.example");
        givingUpAfterAMinute.sendSoon(notification, true);

        for (int round = 0; round < 120; round++) { // ten minutes of an outage
            clock.advance(Duration.ofSeconds(5));
            givingUpAfterAMinute.sweep();
        }

        assertThat(email.calls).isEqualTo(121);
        assertThat(notifications.get(notification.id()).status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(notifications.writtenEvents).isEmpty();
    }

    @Test
    void aSenderWhoseClaimRanOutLeavesTheNotificationToTheAttemptThatTookItOver() {
        Notification stale = recorded("anna@kommun.example");
        clock.advance(Duration.ofMinutes(1));
        deliver.sweep(); // another attempt takes it over and sends it

        deliver.sendSoon(stale, true); // the first sender's copy, late

        assertThat(email.calls).isEqualTo(1);
        assertThat(notifications.writtenEvents).hasSize(1);
    }

    @Test
    void aSenderWhoseClaimIsAboutToRunOutRenewsItBeforeSendingSoTheSweepDoesNotSendItToo() {
        Notification queued = recorded("anna@kommun.example");
        clock.advance(Duration.ofSeconds(29)); // it waited in the senders' queue: 1 s of its claim left
        email.behaviour = n -> {
            if (email.calls == 1) { // the send takes a while; meanwhile the sweep looks
                clock.advance(Duration.ofSeconds(5));
                deliver.sweep();
            }
        };

        deliver.sendSoon(queued, true);

        assertThat(email.calls).isEqualTo(1);
        assertThat(notifications.writtenEvents).singleElement().isInstanceOf(NotificationSent.class);
    }

    @Test
    void aSendSlowerThanTheClaimLeaseKeepsItsClaimSoTheSweepDoesNotSendItToo() {
        NotificationProperties shortLease = new NotificationProperties(
                Duration.ofMillis(300),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                100,
                1,
                10,
                Duration.ofMinutes(10),
                1,
                Duration.ofHours(1));
        try (DeliverNotifications withShortLease = new DeliverNotifications(
                notifications, List.of(email), TaskExecutor.direct(), clock, shortLease, new SimpleMeterRegistry())) {
            Notification notification = Notification.claimNew(
                    "t:" + UUID.randomUUID(),
                    "new-request",
                    Channel.EMAIL,
                    "anna@kommun.example",
                    "REQ-1",
                    UUID.randomUUID(),
                    new Message("sv", "Ny begäran", "En ny begäran", null, null),
                    clock.instant(),
                    shortLease.claimLease());
            notifications.insertIfAbsent(notification);
            email.behaviour = n -> {
                if (email.calls > 1) {
                    return;
                }
                for (int i = 0; i < 12; i++) { // a send four times as long as the lease, a third at a time
                    clock.advance(Duration.ofMillis(100));
                    await().atMost(Duration.ofSeconds(5))
                            .until(() -> notifications
                                    .get(n.id())
                                    .claimedUntil()
                                    .isAfter(clock.instant().plusMillis(250))); // renewed since
                }
                withShortLease.sweep();
            };

            withShortLease.sendSoon(notifications.find(notification.id()).orElseThrow(), true);

            assertThat(email.calls).isEqualTo(1);
            assertThat(notifications.get(notification.id()).status()).isEqualTo(NotificationStatus.SENT);
        }
    }

    @Test
    void sendsWhatAPersonWaitsForBeforeTheMailsToRoleMailboxes() throws Exception {
        sendWhileTheOnlySenderIsBusy(withQueue -> {
            withQueue.sendSoon(recorded("centrala-teamet@kommun.example"), false);
            withQueue.sendSoon(recorded("anna@kommun.example"), true);
        });

        assertThat(email.sentTo).containsExactly("anna@kommun.example", "centrala-teamet@kommun.example");
    }

    @Test
    void sendsTheRequestersReceiptBeforeTheMailsAboutRequestsThatMovedOn() throws Exception {
        sendWhileTheOnlySenderIsBusy(withQueue -> {
            withQueue.sendSoon(recorded("centrala-teamet@kommun.example"), false);
            withQueue.sendSoon(recorded("erik@kommun.example", "request-completed"), true);
            withQueue.sendSoon(recorded("anna@kommun.example", ReceiptMail.TEMPLATE), true);
        });

        assertThat(email.sentTo)
                .containsExactly("anna@kommun.example", "erik@kommun.example", "centrala-teamet@kommun.example");
    }

    /** Queues the sends while the one sender thread is busy, then lets it work through the queue in its order. */
    private void sendWhileTheOnlySenderIsBusy(Consumer<DeliverNotifications> sends) throws InterruptedException {
        ThreadPoolExecutor oneSender = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new PriorityBlockingQueue<>());
        CountDownLatch busy = new CountDownLatch(1);
        try {
            DeliverNotifications withQueue = new DeliverNotifications(
                    notifications, List.of(email), oneSender, clock, properties, new SimpleMeterRegistry());
            oneSender.execute(new DeliverNotifications.SendTask(
                    () -> {
                        try {
                            busy.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    0,
                    -1));
            sends.accept(withQueue);

            busy.countDown();
            oneSender.shutdown();
            assertThat(oneSender.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            oneSender.shutdownNow();
        }
    }

    private NotificationProperties givingUpAfter(Duration giveUpAfter) {
        return new NotificationProperties(
                properties.claimLease(),
                properties.retryDelay(),
                properties.sweepInterval(),
                properties.sweepBatchSize(),
                properties.senderThreads(),
                properties.senderQueue(),
                properties.unknownOutcomeDelay(),
                properties.unknownOutcomeResends(),
                giveUpAfter);
    }

    private Notification recorded(String to) {
        return recorded(to, "new-request");
    }

    private Notification recorded(String to, String template) {
        return recorded(Channel.EMAIL, to, template);
    }

    private Notification recorded(Channel channel, String to, String template) {
        Notification notification = Notification.claimNew(
                "t:" + UUID.randomUUID() + ":" + to,
                template,
                channel,
                to,
                "REQ-1",
                UUID.randomUUID(),
                new Message("sv", "Ny begäran", "En ny begäran", "<p>En ny begäran</p>", null),
                clock.instant(),
                properties.claimLease());
        assertThat(notifications.insertIfAbsent(notification)).isTrue();
        return notifications.find(notification.id()).orElseThrow();
    }

    private static final class FakeChannel implements ChannelGateway {
        final Channel channel;
        Consumer<Notification> behaviour = n -> {};
        boolean available = true;
        int calls;
        final List<String> sentTo = new ArrayList<>();

        FakeChannel() {
            this(Channel.EMAIL);
        }

        FakeChannel(Channel channel) {
            this.channel = channel;
        }

        @Override
        public Channel channel() {
            return channel;
        }

        /** Refuses at once while not {@link #available}, as an open breaker does; counts only sends that reach it. */
        @Override
        public void send(Notification notification) {
            if (!available) {
                throw new ChannelUnavailableException("circuit breaker " + channel + " is open", null);
            }
            calls++;
            sentTo.add(notification.recipient());
            behaviour.accept(notification);
        }

        @Override
        public boolean available() {
            return available;
        }
    }
}
