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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * notification has gone out exactly once. The test configuration shortens the breaker's open time
 * to 1 s and the retry delay to 200 ms, so the 30-second outage takes about a second here;
 * what is asserted is order and counts (breaker transitions, mails, events), not time.
 */
@ServiceIntegrationTest
class DeliveryOutageIT {

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
    void waitsOutAMailServerOutageAndSendsEveryReceiptOnceAfterwards() {
        double opened = transitions("email", "CLOSED", "OPEN");
        double closed = transitions("email", "HALF_OPEN", "CLOSED");
        TestChannels.smtp().cutOff();

        List<RequestSubmitted> submitted = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            RequestSubmitted event = ReceiptEvents.to(
                    RequestSubmittedMother.newEServicePublication(), ReceiptEvents.uniqueAddress("r" + i));
            submitted.add(event);
            RequestEvents.publish(event);
        }

        // Consumption goes on: every receipt is recorded, waiting, while no mail can go out.
        await().until(() -> submitted.stream()
                .allMatch(event ->
                        notifications.find(ReceiptMailIT.receiptId(event)).isPresent()));
        await().until(() -> transitions("email", "CLOSED", "OPEN") > opened);
        assertThat(submitted)
                .allSatisfy(event -> assertThat(notifications.find(ReceiptMailIT.receiptId(event)))
                        .hasValueSatisfying(n -> assertThat(n.status()).isEqualTo(NotificationStatus.PENDING)));
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
