package se.municipality.eops.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.notification.NotificationFailed;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import se.municipality.eops.notification.Mails;
import se.municipality.eops.notification.TestChannels;
import se.municipality.eops.notification.delivery.domain.FailureKind;
import se.municipality.eops.notification.delivery.domain.NotificationStatus;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.Mailboxes;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.ScriptedSmtpServer;
import se.municipality.eops.testkit.ServiceIntegrationTest;

/**
 * A mail server that defers one recipient's mail after its data, every time (451: greylisting, a rate limit), and
 * takes every other mail. That mail is retried; its failures open the breaker (the test configuration's breaker
 * opens on one send's two failures), but it is not the half-open breaker's trial every time: the mails behind it
 * go out, each once, in bounded time. Deferred on every try for the test configuration's {@code give-up-after}
 * (2 s) while the server takes other mail, it is given up: {@code FAILED} with {@code NotificationFailed}.
 */
@ServiceIntegrationTest
class DeferredMailIT {

    private static final String DEFERRAL = "451 4.7.1 Greylisted, please try again later";
    private static final String TEAM = "centrala-teamet@kommun.example";
    private static final int MAILS_BEHIND = 10;
    private static final Duration BOUND = Duration.ofSeconds(20);

    @Autowired
    Notifications notifications;

    @Autowired
    CircuitBreakerRegistry breakers;

    final PublishedEvents events = PublishedEvents.get();
    final ScriptedSmtpServer mailServer = TestChannels.mailServer();
    private final List<String> deferredAddresses = new ArrayList<>();

    @AfterEach
    void serverTakesTheirMailAgain() {
        deferredAddresses.forEach(address -> mailServer.answeringEndOfDataTo(address, null));
    }

    @Test
    void aMailTheServerKeepsDeferringHoldsUpNoOtherMailAndIsGivenUpWithNotificationFailed() {
        String greylisted = ReceiptEvents.uniqueAddress("greylisted");
        deferredAddresses.add(greylisted);
        mailServer.answeringEndOfDataTo(greylisted, DEFERRAL);
        RequestSubmitted first = ReceiptEvents.to(RequestSubmittedMother.newEServicePublication(), greylisted);
        String stuck = ReceiptMailIT.receiptId(first);
        CircuitBreaker breaker = breakers.circuitBreaker("email");

        RequestEvents.publish(first);

        // Its first send: two deferrals after the data, which open the breaker.
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        mailServer.recipientsTried(greylisted) > 0 && breaker.getState() == CircuitBreaker.State.OPEN);

        // Mail that arrives behind it, while the breaker is open: the oldest due mail is the deferred one.
        List<RequestSubmitted> behind = new ArrayList<>();
        for (int i = 0; i < MAILS_BEHIND; i++) {
            RequestSubmitted event = ReceiptEvents.to(
                    RequestSubmittedMother.newEServicePublication(), ReceiptEvents.uniqueAddress("behind" + i));
            behind.add(event);
            RequestEvents.publish(event);
        }

        await().atMost(BOUND).until(() -> behind.stream().allMatch(this::receiptAndTeamMailArrived));

        // While other mail keeps coming, the deferred one is tried on and given up.
        List<RequestSubmitted> meanwhile = new CopyOnWriteArrayList<>();
        ScheduledExecutorService requesters = Executors.newSingleThreadScheduledExecutor();
        try {
            requesters.scheduleWithFixedDelay(
                    () -> {
                        RequestSubmitted event = ReceiptEvents.to(
                                RequestSubmittedMother.newEServicePublication(),
                                ReceiptEvents.uniqueAddress("meanwhile"));
                        RequestEvents.publish(event);
                        meanwhile.add(event);
                    },
                    0,
                    300,
                    TimeUnit.MILLISECONDS);
            await().atMost(BOUND)
                    .until(() -> notifications
                            .find(stuck)
                            .map(n -> n.status() == NotificationStatus.FAILED)
                            .orElse(false));
        } finally {
            requesters.shutdownNow();
        }

        PublishedEvents.CapturedEvent failed =
                events.awaitOne(Topics.NOTIFICATION_EVENTS, "NotificationFailed", e -> stuck.equals(e.key()));
        NotificationFailed payload =
                EventJson.read(failed.payload().getBytes(StandardCharsets.UTF_8), NotificationFailed.class);
        assertThat(payload.recipient()).isEqualTo(greylisted);
        assertThat(payload.reason()).contains("451 4.7.1").contains("given up");
        assertThat(notifications.find(stuck))
                .hasValueSatisfying(n -> assertThat(n.failure()).isEqualTo(FailureKind.GAVE_UP));
        assertThat(mailServer.recipientsTried(greylisted)).isGreaterThan(2); // retried before it was given up
        int tried = mailServer.recipientsTried(greylisted);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mailServer.recipientsTried(greylisted) == tried); // and no more afterwards
        assertThat(Mailboxes.to(greylisted)).isEmpty();
        assertThat(events.find(Topics.NOTIFICATION_EVENTS, "NotificationSent", e -> stuck.equals(e.key())))
                .isEmpty();
        assertThat(events.find(Topics.NOTIFICATION_EVENTS, "NotificationFailed", e -> stuck.equals(e.key())))
                .hasSize(1);

        // Every other mail went out once, and the breaker is closed again.
        await().atMost(BOUND).until(() -> meanwhile.stream().allMatch(this::receiptAndTeamMailArrived));
        assertThat(behind).allSatisfy(this::wentOutOnce);
        assertThat(meanwhile).allSatisfy(this::wentOutOnce);
        await().atMost(BOUND).until(() -> breaker.getState() == CircuitBreaker.State.CLOSED);
    }

    private boolean receiptAndTeamMailArrived(RequestSubmitted event) {
        return !Mailboxes.to(event.requester().email()).isEmpty()
                && !Mails.to(TEAM, "Ny begäran " + event.requestId()).isEmpty();
    }

    private void wentOutOnce(RequestSubmitted event) {
        String receipt = ReceiptMailIT.receiptId(event);
        assertThat(Mailboxes.to(event.requester().email())).hasSize(1);
        assertThat(Mails.to(TEAM, "Ny begäran " + event.requestId())).hasSize(1);
        assertThat(notifications.find(receipt))
                .hasValueSatisfying(n -> assertThat(n.status()).isEqualTo(NotificationStatus.SENT));
        events.awaitOne(Topics.NOTIFICATION_EVENTS, "NotificationSent", e -> receipt.equals(e.key()));
        assertThat(events.find(Topics.NOTIFICATION_EVENTS, "NotificationSent", e -> receipt.equals(e.key())))
                .hasSize(1);
    }
}
