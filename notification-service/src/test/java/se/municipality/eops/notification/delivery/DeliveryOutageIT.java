package se.municipality.eops.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.contract.publication.PublicationStalled;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import se.municipality.eops.notification.ServiceEvents;
import se.municipality.eops.notification.TestChannels;
import se.municipality.eops.notification.WebhookReceiver;
import se.municipality.eops.notification.delivery.application.ChannelGateway;
import se.municipality.eops.notification.delivery.application.DeliverNotifications;
import se.municipality.eops.notification.delivery.application.NotificationProperties;
import se.municipality.eops.notification.delivery.domain.NotificationIds;
import se.municipality.eops.notification.delivery.domain.NotificationStatus;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.testkit.Mailboxes;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.ServiceIntegrationTest;

/**
 * Outages of the mail server and of the webhook receiver, while events keep coming: notifications
 * wait as pending, each channel's circuit breaker opens and closes again, and afterwards every
 * notification has gone out exactly once. The mail server is down for the 30 seconds, with
 * an event every 2 s; the test configuration's breaker (open for 1 s) and retry delay (200 ms) make it
 * try again often meanwhile, so the outage is waited out through many open/half-open rounds.
 */
@ServiceIntegrationTest
class DeliveryOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int EVENTS_DURING_OUTAGE = 15;
    private static final String DEAD_LETTERS = "error." + Topics.REQUEST_EVENTS + ".notification-service";

    @Autowired
    Notifications notifications;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    List<ChannelGateway> channels;

    @Autowired
    NotificationProperties properties;

    final PublishedEvents events = PublishedEvents.get();

    @AfterEach
    void channelsBackUp() {
        TestChannels.smtp().open();
        TestChannels.webhook().answer(200);
    }

    @Test
    void waitsOutAThirtySecondMailServerOutageWhileEventsKeepComingAndSendsEveryReceiptOnceAfterwards() {
        double opened = transitions("email", "CLOSED", "OPEN");
        double reopened = transitions("email", "HALF_OPEN", "OPEN");
        double closed = transitions("email", "HALF_OPEN", "CLOSED");
        int refusedBefore = TestChannels.smtp().dropped();
        TestChannels.smtp().cutOff();
        Instant down = Instant.now();

        // An event every 2 s through the whole outage, the last at 28 s.
        List<RequestSubmitted> submitted = new CopyOnWriteArrayList<>();
        ScheduledExecutorService requesters = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < EVENTS_DURING_OUTAGE; i++) {
                String name = "r" + i;
                requesters.schedule(
                        () -> {
                            RequestSubmitted event = ReceiptEvents.to(
                                    RequestSubmittedMother.newEServicePublication(), ReceiptEvents.uniqueAddress(name));
                            RequestEvents.publish(event);
                            submitted.add(event);
                        },
                        i * 2L,
                        TimeUnit.SECONDS);
            }
            // Consumption goes on: every receipt is recorded, pending, while no mail can go out, the
            // last ones after the breaker has long been open; then the server stays down to 30 s.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> submitted.size() == EVENTS_DURING_OUTAGE
                            && submitted.stream()
                                    .allMatch(event -> notifications
                                            .find(ReceiptMailIT.receiptId(event))
                                            .isPresent()));
        } finally {
            requesters.shutdownNow();
        }
        assertThat(transitions("email", "CLOSED", "OPEN")).isGreaterThan(opened);
        assertThat(submitted)
                .allSatisfy(event -> assertThat(notifications.find(ReceiptMailIT.receiptId(event)))
                        .hasValueSatisfying(n -> assertThat(n.status()).isEqualTo(NotificationStatus.PENDING)));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Duration.between(down, Instant.now()).compareTo(OUTAGE) >= 0);
        // While it was down, the breaker let a trial through now and then and opened again on its failure.
        assertThat(transitions("email", "HALF_OPEN", "OPEN")).isGreaterThan(reopened);
        assertThat(TestChannels.smtp().dropped()).isGreaterThan(refusedBefore);
        assertThat(submitted)
                .allSatisfy(event ->
                        assertThat(Mailboxes.to(event.requester().email())).isEmpty());

        TestChannels.smtp().open();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> submitted.stream()
                        .allMatch(event ->
                                !Mailboxes.to(event.requester().email()).isEmpty()));
        await().until(() -> transitions("email", "HALF_OPEN", "CLOSED") > closed);
        await().until(() -> submitted.stream().allMatch(event -> sentEventsOf(event) == 1));
        assertThat(breakers.circuitBreaker("email").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(submitted).allSatisfy(event -> {
            assertThat(Mailboxes.to(event.requester().email())).hasSize(1);
            assertThat(notifications.find(ReceiptMailIT.receiptId(event)))
                    .hasValueSatisfying(n -> assertThat(n.status()).isEqualTo(NotificationStatus.SENT));
            assertThat(events.find(
                            DEAD_LETTERS,
                            "RequestSubmitted",
                            e -> event.eventId().toString().equals(e.id())))
                    .isEmpty();
        });

        // A restart: a new sender over the same database finds nothing left to send.
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            DeliverNotifications afterRestart =
                    new DeliverNotifications(notifications, channels, threads, Clock.systemUTC(), properties, meters);
            afterRestart.sweep();
        } finally {
            threads.shutdown();
        }
        assertThat(submitted).allSatisfy(event -> {
            assertThat(Mailboxes.to(event.requester().email())).hasSize(1);
            assertThat(sentEventsOf(event)).isEqualTo(1);
        });
        assertThat(meters.get("resilience4j.circuitbreaker.state")
                        .tags("name", "email", "state", "closed")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
    }

    @Test
    void waitsOutAWebhookOutageAndPostsEachNotificationOnceSigned() {
        WebhookReceiver webhook = TestChannels.webhook();
        double opened = transitions("webhook", "CLOSED", "OPEN");
        double closed = transitions("webhook", "HALF_OPEN", "CLOSED");
        webhook.answer(503);

        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String requestId = "REQ-" + UUID.randomUUID();
            requestIds.add(requestId);
            ServiceEvents.publish(new PublicationStalled(
                    UUID.randomUUID(), "es-4711", Instant.now(), requestId, "rev-1", "Skolskjuts", Instant.now(), 60));
        }
        await().until(() -> transitions("webhook", "CLOSED", "OPEN") > opened);
        assertThat(requestIds)
                .allSatisfy(id -> assertThat(webhook.acceptedMentioning(id)).isEmpty());

        webhook.answer(200);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> requestIds.stream()
                        .allMatch(id -> !webhook.acceptedMentioning(id).isEmpty()));
        await().until(() -> transitions("webhook", "HALF_OPEN", "CLOSED") > closed);
        assertThat(requestIds)
                .allSatisfy(id -> assertThat(webhook.acceptedMentioning(id))
                        .singleElement()
                        .satisfies(received ->
                                assertThat(received.signatureValid()).isTrue()));
    }

    @Test
    void recordsAWebhookThatRefusesForGoodAsNotificationFailedWithoutRetrying() {
        WebhookReceiver webhook = TestChannels.webhook();
        webhook.answer(410);
        String requestId = "REQ-" + UUID.randomUUID();
        PublicationStalled stalled = new PublicationStalled(
                UUID.randomUUID(), "es-4711", Instant.now(), requestId, "rev-1", "Skolskjuts", Instant.now(), 60);
        int refusedBefore = webhook.refused();

        ServiceEvents.publish(stalled);

        String id = NotificationIds.of(
                "publication-stalled", stalled.eventId(), Channel.WEBHOOK, TestChannels.WEBHOOK_GROUP);
        PublishedEvents.CapturedEvent failed =
                events.awaitOne(Topics.NOTIFICATION_EVENTS, "NotificationFailed", e -> id.equals(e.key()));
        assertThat(failed.payload()).contains("answered 410").contains("\"channel\":\"WEBHOOK\"");
        assertThat(webhook.refused() - refusedBefore).isEqualTo(1);
        assertThat(notifications.find(id))
                .hasValueSatisfying(n -> assertThat(n.status()).isEqualTo(NotificationStatus.FAILED));
    }

    private long sentEventsOf(RequestSubmitted event) {
        String id = ReceiptMailIT.receiptId(event);
        return events.find(Topics.NOTIFICATION_EVENTS, "NotificationSent", e -> id.equals(e.key()))
                .size();
    }

    private double transitions(String breaker, String from, String to) {
        Counter counter = meters.find("eops.notifications.breaker.transitions")
                .tags("name", breaker, "from", from, "to", to)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
