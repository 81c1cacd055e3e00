package se.municipality.eops.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.notification.delivery.ReceiptEvents.to;
import static se.municipality.eops.notification.delivery.ReceiptEvents.uniqueAddress;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.contract.notification.NotificationSent;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import se.municipality.eops.notification.Mails;
import se.municipality.eops.notification.ServiceEvents;
import se.municipality.eops.notification.delivery.domain.Message;
import se.municipality.eops.notification.delivery.domain.Notification;
import se.municipality.eops.notification.delivery.domain.NotificationIds;
import se.municipality.eops.notification.delivery.domain.NotificationStatus;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.notification.delivery.domain.ReceiptMail;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.starter.messaging.IdempotentConsumer;
import se.municipality.eops.testkit.Mailboxes;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.ServiceIntegrationTest;

@ServiceIntegrationTest
class ReceiptMailIT {

    private static final String DEAD_LETTERS = "error." + Topics.REQUEST_EVENTS + ".notification-service";

    @Autowired
    Notifications notifications;

    @Autowired
    MongoTemplate mongo;

    final PublishedEvents events = PublishedEvents.get();

    @Test
    void sendsTheRequesterOneReceiptHoweverOftenTheEventIsDelivered() throws Exception {
        String anna = uniqueAddress("anna");
        RequestSubmitted submitted = to(RequestSubmittedMother.newEServicePublication(), anna);
        String requestId = submitted.requestId();

        RequestEvents.publish(submitted);

        MimeMessage mail = Mailboxes.awaitMailTo(anna);
        assertThat(mail.getSubject())
                .isEqualTo("Vi har tagit emot din begäran – Publicering av ny e-tjänst (" + requestId + ")");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("e-tjanster@kommun.example");
        assertThat(mail.getMessageID()).isEqualTo("<" + receiptId(submitted).replace(':', '.') + "@kommun.example>");
        assertThat(textOf(mail))
                .startsWith("Hej Anna Andersson!")
                .contains("Begäran:   " + requestId)
                .contains("Typ:       Publicering av ny e-tjänst")
                .contains("E-tjänst:  Skolskjuts (es-4711)")
                .contains("Inskickad: 27 november 2026 kl. 10:15 (svensk tid)")
                // No front end is configured (eops.frontend.base-url): no link, rather than one to the
                // bearer-only API.
                .doesNotContain("/api/requests/")
                .doesNotContain("Följ din begäran")
                .contains("In English: we have received your request " + requestId);
        assertThat(Mails.part(mail, "text/html"))
                .as("the same receipt as the HTML part, escaped")
                .startsWith("<!DOCTYPE html>")
                .contains("<p>Hej Anna Andersson!</p>")
                .contains("Skolskjuts (es-4711)");

        CapturedEvent sent = awaitNotificationSentFor(submitted);
        assertThat(sent.key()).isEqualTo(receiptId(submitted));
        assertThat(sent.header(CloudEventHeaders.SOURCE)).isEqualTo("/eops/notification-service");
        NotificationSent payload =
                EventJson.read(sent.payload().getBytes(StandardCharsets.UTF_8), NotificationSent.class);
        assertThat(payload.recipient()).isEqualTo(anna);
        assertThat(payload.requestId()).isEqualTo(requestId);
        assertThat(payload.channel()).isEqualTo(Channel.EMAIL);
        assertThat(payload.template()).isEqualTo("request-received");

        RequestEvents.publish(submitted);
        RecordMetadata lastCopy = RequestEvents.publish(submitted);
        // The copies themselves have been handled (same partition, in order): whatever they did is done.
        ServiceEvents.awaitHandled(lastCopy);

        assertThat(notifications.find(receiptId(submitted))).hasValueSatisfying(notification -> {
            assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
            assertThat(notification.attempts()).isEqualTo(1);
        });
        assertThat(Mailboxes.to(anna)).hasSize(1);
        assertThat(notificationSentFor(submitted)).hasSize(1);
    }

    @Test
    void sendsNothingAgainWhenTheEventReturnsAfterACrashBeforeItWasMarkedApplied() {
        String anna = uniqueAddress("anna");
        RequestSubmitted submitted = to(RequestSubmittedMother.testCasePurge(), anna);
        RequestEvents.publish(submitted);
        Mailboxes.awaitMailTo(anna);
        awaitNotificationSentFor(submitted);
        // The state of a crash after the receipt was recorded as sent but before the starter noted
        // the event as applied and the offset was committed: the event comes back and reaches us.
        await().until(() -> forgetThatTheEventWasApplied(submitted) == 1);

        ServiceEvents.awaitHandled(RequestEvents.publish(submitted));

        assertThat(Mailboxes.to(anna)).hasSize(1);
        assertThat(notificationSentFor(submitted)).hasSize(1);
        assertThat(notifications.find(receiptId(submitted)))
                .hasValueSatisfying(
                        notification -> assertThat(notification.attempts()).isEqualTo(1));
    }

    @Test
    void sendsTheReceiptWhenTheAttemptThatClaimedItDiedBeforeSending() {
        String anna = uniqueAddress("anna");
        RequestSubmitted submitted = to(RequestSubmittedMother.retentionPurge(), anna);
        claimedByAnotherAttempt(submitted, Instant.now().minus(Duration.ofMinutes(5)), Duration.ofSeconds(30));

        RequestEvents.publish(submitted);

        Mailboxes.awaitMailTo(anna);
        awaitNotificationSentFor(submitted);
        assertThat(Mailboxes.to(anna)).hasSize(1);
        assertThat(notifications.find(receiptId(submitted))).hasValueSatisfying(notification -> {
            assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
            assertThat(notification.attempts()).isEqualTo(2);
        });
    }

    @Test
    void leavesAReceiptToTheAttemptSendingItWithoutDeadLetteringTheDuplicateDelivery() {
        String anna = uniqueAddress("anna");
        RequestSubmitted submitted = to(RequestSubmittedMother.administratorPermission(), anna);
        claimedByAnotherAttempt(submitted, Instant.now(), Duration.ofMinutes(5));

        // Handled means committed: after the handler returned, or after the binder dead-lettered it.
        ServiceEvents.awaitHandled(RequestEvents.publish(submitted));

        assertThat(events.find(
                        DEAD_LETTERS,
                        "RequestSubmitted",
                        e -> submitted.eventId().toString().equals(e.id())))
                .isEmpty();
        assertThat(Mailboxes.to(anna)).isEmpty();
        assertThat(notifications.find(receiptId(submitted)))
                .hasValueSatisfying(
                        notification -> assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING));
    }

    static String receiptId(RequestSubmitted event) {
        return NotificationIds.of(
                ReceiptMail.TEMPLATE,
                event.eventId(),
                Channel.EMAIL,
                event.requester().email());
    }

    private void claimedByAnotherAttempt(RequestSubmitted event, Instant claimedAt, Duration lease) {
        boolean inserted = notifications.insertIfAbsent(Notification.claimNew(
                receiptId(event),
                ReceiptMail.TEMPLATE,
                Channel.EMAIL,
                event.requester().email(),
                event.requestId(),
                event.eventId(),
                new Message("sv", "kvitto", "kvitto", null, null),
                claimedAt,
                lease));
        assertThat(inserted).isTrue();
    }

    private long forgetThatTheEventWasApplied(RequestSubmitted event) {
        return mongo.remove(
                        Query.query(Criteria.where("eventId").is(event.eventId().toString())),
                        IdempotentConsumer.COLLECTION)
                .getDeletedCount();
    }

    /** The receipt's NotificationSent (the event also tells the central team, by mail and webhook). */
    private CapturedEvent awaitNotificationSentFor(RequestSubmitted event) {
        return events.awaitOne(
                Topics.NOTIFICATION_EVENTS,
                "NotificationSent",
                e -> receiptId(event).equals(e.key()));
    }

    private List<CapturedEvent> notificationSentFor(RequestSubmitted event) {
        return events.find(
                Topics.NOTIFICATION_EVENTS,
                "NotificationSent",
                e -> receiptId(event).equals(e.key()));
    }

    private static String textOf(MimeMessage mail) {
        return Mails.part(mail, "text/plain");
    }
}
