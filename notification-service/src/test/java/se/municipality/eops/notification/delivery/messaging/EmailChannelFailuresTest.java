package se.municipality.eops.notification.delivery.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.contract.notification.NotificationFailed;
import se.municipality.eops.contract.notification.NotificationSent;
import se.municipality.eops.notification.TaskExecutor;
import se.municipality.eops.notification.delivery.application.DeliverNotifications;
import se.municipality.eops.notification.delivery.application.InMemoryNotifications;
import se.municipality.eops.notification.delivery.application.NotificationProperties;
import se.municipality.eops.notification.delivery.application.OutcomeUnknownException;
import se.municipality.eops.notification.delivery.application.RecipientRejectedException;
import se.municipality.eops.notification.delivery.domain.FailureKind;
import se.municipality.eops.notification.delivery.domain.Message;
import se.municipality.eops.notification.delivery.domain.Notification;
import se.municipality.eops.notification.delivery.domain.NotificationStatus;
import se.municipality.eops.notification.delivery.domain.OutgoingMail;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.ScriptedSmtpServer;
import se.municipality.eops.testkit.ScriptedSmtpServer.EndOfData;

/**
 * The e-mail channel as the service wires it (gateway, kept connections, Resilience4j retry and breaker with the
 * service's configuration, the sender) against a server that refuses a message for good after its data, or is
 * slower to confirm one than the client waits: what the server gets, and what is recorded.
 */
class EmailChannelFailuresTest {

    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(500);

    private final ResilienceProperties resilience =
            new ResilienceProperties(3, Duration.ofMillis(20), 10, 5, 50, Duration.ofSeconds(30));
    private final CircuitBreaker breaker = CircuitBreaker.of("email", DeliveryConfiguration.breakerConfig(resilience));
    private final Retry retry = Retry.of("email", DeliveryConfiguration.retryConfig(resilience));
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-08T09:00:00Z"));
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
    private final InMemoryNotifications notifications = new InMemoryNotifications();

    @Test
    void aMessageRefusedForGoodIsNeitherRetriedNorCountedAgainstTheServer() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 2.1.5 OK")
                .answeringEndOfData(number -> new EndOfData("554 5.7.1 refused by content policy", Duration.ZERO))) {
            ResilientChannel channel = channelTo(server);

            assertThatThrownBy(() -> channel.send(notification("anna@kommun.example")))
                    .isInstanceOf(RecipientRejectedException.class)
                    .hasMessageContaining("554 5.7.1");

            assertThat(server.messagesReceived()).isEqualTo(1);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        }
    }

    @Test
    void aMessageRefusedForGoodAsTheHalfOpenBreakersTrialFailsAtOnceAndTheMailBehindItGoesOut() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 2.1.5 OK")
                .answeringEndOfData(number -> number == 1
                        ? new EndOfData("554 5.7.1 refused by content policy", Duration.ZERO)
                        : EndOfData.accepted())) {
            DeliverNotifications deliver = deliverThrough(channelTo(server));
            Notification refused = recorded("spam-looking@kommun.example");
            clock.advance(Duration.ofSeconds(1));
            Notification next = recorded("anna@kommun.example");
            clock.advance(Duration.ofMinutes(1)); // both due for the sweep, the refused one first
            breaker.transitionToOpenState();
            breaker.transitionToHalfOpenState(); // the server is back; one trial allowed

            deliver.sweep();

            assertThat(notifications.get(refused.id()).status()).isEqualTo(NotificationStatus.FAILED);
            assertThat(notifications.get(refused.id()).failure()).isEqualTo(FailureKind.REJECTED);
            assertThat(notifications.get(next.id()).status()).isEqualTo(NotificationStatus.SENT);
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(server.messagesReceived()).isEqualTo(2);
        }
    }

    @Test
    void aMailTheServerKeepsDeferringIsNotTheHalfOpenBreakersTrialRoundAfterRoundAndTheMailBehindItGoesOut() {
        String greylisted = "greylisted@kommun.example";
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 2.1.5 OK")
                .answeringEndOfDataTo(greylisted, "451 4.7.1 greylisted, try again later")) {
            DeliverNotifications deliver = deliverThrough(channelTo(server));
            Notification deferred = recorded(greylisted);
            breaker.transitionToOpenState();
            breaker.transitionToHalfOpenState();

            deliver.sendSoon(deferred, true); // the trial: deferred after its data, the breaker opens again

            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(notifications.get(deferred.id()).lastError()).contains("451 4.7.1"); // tried, not refused
            clock.advance(Duration.ofSeconds(1));
            Notification behind = recorded("anna@kommun.example");
            deliver.sendSoon(behind, true); // refused by the open breaker
            assertThat(notifications.get(behind.id()).status()).isEqualTo(NotificationStatus.PENDING);
            clock.advance(Duration.ofMinutes(1)); // both due for the sweep, the deferred one the older
            breaker.transitionToHalfOpenState();

            deliver.sweep();

            assertThat(notifications.get(behind.id()).status()).isEqualTo(NotificationStatus.SENT);
            assertThat(server.received()).singleElement().asString().contains("anna@kommun.example");
            assertThat(notifications.get(deferred.id()).status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }

    @Test
    void aMessageTheServerIsSlowToConfirmIsSentOnceNotAgainAtOnceAndOnceMoreAfterTheDelayThenFailsAsUnknown() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 2.1.5 OK")
                .answeringEndOfData(number -> number == 1
                        ? EndOfData.accepted() // the first mail, over the connection that is then kept
                        : new EndOfData("250 2.0.0 queued, but late", CLIENT_TIMEOUT.multipliedBy(3)))) {
            DeliverNotifications deliver = deliverThrough(channelTo(server));
            deliver.sendSoon(recorded("erik@kommun.example"), true);
            Notification slow = recorded("anna@kommun.example");

            deliver.sendSoon(slow, true); // over the kept connection, then no resend nor retry

            assertThat(notifications.get(slow.id()).status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(notifications.get(slow.id()).unknownOutcomes()).isEqualTo(1);
            await().during(CLIENT_TIMEOUT.multipliedBy(4))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> server.messagesReceived() == 2);

            clock.advance(Duration.ofMinutes(9)); // not before the delay
            assertThat(deliver.sweep()).isZero();

            clock.advance(Duration.ofMinutes(1));
            assertThat(deliver.sweep()).isEqualTo(1); // once more, and again no answer in time

            await().during(CLIENT_TIMEOUT.multipliedBy(4))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> server.messagesReceived() == 3);
            assertThat(notifications.get(slow.id()).status()).isEqualTo(NotificationStatus.FAILED);
            assertThat(notifications.get(slow.id()).failure()).isEqualTo(FailureKind.OUTCOME_UNKNOWN);
            assertThat(notifications.writtenEvents)
                    .filteredOn(NotificationFailed.class::isInstance)
                    .singleElement()
                    .satisfies(failed ->
                            assertThat(((NotificationFailed) failed).reason()).contains("outcome unknown"));
            assertThat(notifications.writtenEvents)
                    .filteredOn(NotificationSent.class::isInstance)
                    .hasSize(1); // the first mail's
            clock.advance(Duration.ofHours(1));
            assertThat(deliver.sweep()).isZero();
        }
    }

    @Test
    void aSendWithoutAnAnswerIsNeverRetriedByResilience4j() {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("250 2.1.5 OK")
                .answeringEndOfData(number -> new EndOfData("250 2.0.0 late", CLIENT_TIMEOUT.multipliedBy(3)))) {
            ResilientChannel channel = channelTo(server);

            assertThatThrownBy(() -> channel.send(notification("anna@kommun.example")))
                    .isInstanceOf(OutcomeUnknownException.class);

            await().during(CLIENT_TIMEOUT.multipliedBy(4))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> server.messagesReceived() == 1);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        }
    }

    private ResilientChannel channelTo(ScriptedSmtpServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(server.port());
        Properties timeouts = new Properties();
        timeouts.setProperty("mail.smtp.connectiontimeout", "2000");
        timeouts.setProperty("mail.smtp.timeout", Long.toString(CLIENT_TIMEOUT.toMillis()));
        sender.setJavaMailProperties(timeouts);
        SmtpMailGateway gateway = new SmtpMailGateway(
                new SmtpConnections(sender, Duration.ofSeconds(30), 100, Clock.systemUTC()),
                "e-tjanster@kommun.example");
        return new ResilientChannel(
                Channel.EMAIL,
                n -> gateway.send(new OutgoingMail(
                        n.id(),
                        n.recipient(),
                        n.message().subject(),
                        n.message().text(),
                        n.message().html())),
                breaker,
                retry);
    }

    private DeliverNotifications deliverThrough(ResilientChannel channel) {
        return new DeliverNotifications(
                notifications, List.of(channel), TaskExecutor.direct(), clock, properties, new SimpleMeterRegistry());
    }

    private Notification notification(String to) {
        return Notification.claimNew(
                "t:" + UUID.randomUUID() + ":" + to,
                "new-request",
                Channel.EMAIL,
                to,
                "REQ-1",
                UUID.randomUUID(),
                new Message("sv", "Ny begäran", "En ny begäran", null, null),
                clock.instant(),
                properties.claimLease());
    }

    private Notification recorded(String to) {
        Notification notification = notification(to);
        assertThat(notifications.insertIfAbsent(notification)).isTrue();
        return notifications.find(notification.id()).orElseThrow();
    }
}
