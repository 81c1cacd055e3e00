package se.municipality.eops.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.contract.notification.NotificationFailed;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import se.municipality.eops.notification.Mails;
import se.municipality.eops.notification.ServiceEvents;
import se.municipality.eops.notification.TestChannels;
import se.municipality.eops.notification.delivery.domain.FailureKind;
import se.municipality.eops.notification.delivery.domain.NotificationIds;
import se.municipality.eops.notification.delivery.domain.NotificationStatus;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.Mailboxes;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.ScriptedSmtpServer;
import se.municipality.eops.testkit.ServiceIntegrationTest;

/**
 * A mail server that refuses one recipient for good (5xx to {@code RCPT TO}) and takes the others:
 * the refused notification is recorded and published as failed, once, and the event's other
 * recipients get their mail all the same.
 */
@ServiceIntegrationTest
class RefusedAddressIT {

    private static final String TEAM = "centrala-teamet@kommun.example";
    private static final String DEAD_LETTERS = "error." + Topics.REQUEST_EVENTS + ".notification-service";

    @Autowired
    Notifications notifications;

    final PublishedEvents events = PublishedEvents.get();
    final ScriptedSmtpServer mailServer = TestChannels.mailServer();

    @Test
    void recordsARefusedAddressAsNotificationFailedOnceAndStillMailsTheEventsOtherRecipients() {
        String nobody = ReceiptEvents.uniqueAddress("finns-inte");
        mailServer.refuse(nobody, "550 5.1.1 <" + nobody + ">: Recipient address rejected: no such user");
        RequestSubmitted submitted = ReceiptEvents.to(RequestSubmittedMother.newEServicePublication(), nobody);
        String receipt = ReceiptMailIT.receiptId(submitted);

        RecordMetadata record = RequestEvents.publish(submitted);

        CapturedEvent failed =
                events.awaitOne(Topics.NOTIFICATION_EVENTS, "NotificationFailed", e -> receipt.equals(e.key()));
        NotificationFailed payload =
                EventJson.read(failed.payload().getBytes(StandardCharsets.UTF_8), NotificationFailed.class);
        assertThat(payload.recipient()).isEqualTo(nobody);
        assertThat(payload.channel()).isEqualTo(Channel.EMAIL);
        assertThat(payload.template()).isEqualTo("request-received");
        assertThat(payload.causedByEventId()).isEqualTo(submitted.eventId());
        assertThat(payload.requestId()).isEqualTo(submitted.requestId());
        assertThat(payload.reason()).contains("550 5.1.1").contains("no such user");

        // The central team, told of the same event, got its mail through the same server.
        Mails.awaitOne(TEAM, "Ny begäran " + submitted.requestId());
        String teamMail = NotificationIds.of("new-request", submitted.eventId(), Channel.EMAIL, TEAM);
        events.awaitOne(Topics.NOTIFICATION_EVENTS, "NotificationSent", e -> teamMail.equals(e.key()));

        // Not retried (the server heard the address once), not dead-lettered, nothing left to send.
        ServiceEvents.awaitHandled(record);
        assertThat(notifications.find(receipt)).hasValueSatisfying(notification -> {
            assertThat(notification.status()).isEqualTo(NotificationStatus.FAILED);
            assertThat(notification.failure()).isEqualTo(FailureKind.REJECTED);
            assertThat(notification.attempts()).isEqualTo(1);
        });
        assertThat(mailServer.recipientsTried(nobody)).isEqualTo(1);
        assertThat(Mailboxes.to(nobody)).isEmpty();
        assertThat(events.find(Topics.NOTIFICATION_EVENTS, "NotificationFailed", e -> receipt.equals(e.key())))
                .hasSize(1);
        assertThat(events.find(Topics.NOTIFICATION_EVENTS, "NotificationSent", e -> receipt.equals(e.key())))
                .isEmpty();
        assertThat(events.find(
                        DEAD_LETTERS,
                        "RequestSubmitted",
                        e -> submitted.eventId().toString().equals(e.id())))
                .isEmpty();
    }
}
