package se.municipality.eops.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.municipality.eops.contract.request.RequestOverdue;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.samples.RequestLifecycleMother;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import se.municipality.eops.notification.Mails;
import se.municipality.eops.notification.ServiceEvents;
import se.municipality.eops.notification.delivery.ReceiptEvents;
import se.municipality.eops.notification.delivery.RequestEvents;
import se.municipality.eops.notification.delivery.application.DeliverNotifications;
import se.municipality.eops.notification.delivery.application.NotificationProperties;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.notification.digest.application.DailyDigest;
import se.municipality.eops.notification.rules.domain.MessageTemplates;
import se.municipality.eops.notification.rules.persistence.ReadModels;
import se.municipality.eops.testkit.Mailboxes;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.ServiceIntegrationTest;

/**
 * The daily digest with its own clock (the service's stays real, for leases and retries): nothing
 * before its time, once at its time however often it runs, again the next day.
 */
@ServiceIntegrationTest
class DailyDigestIT {

    private static final String TEAM = "centrala-teamet@kommun.example";

    @Autowired
    ReadModels readModels;

    @Autowired
    MessageTemplates templates;

    @Autowired
    Notifications notifications;

    @Autowired
    DeliverNotifications deliver;

    @Autowired
    NotificationProperties properties;

    @Test
    void aRequestThatMovedOnIsNoLongerOverdueAndALateOverdueOfTheStatusItLeftDoesNotMarkItAgain() {
        String requestId = "REQ-" + UUID.randomUUID();
        readModels.apply(
                "RequestSubmitted",
                Map.of(
                        "requestId",
                        requestId,
                        "requester",
                        Map.of("userId", "anna", "email", "anna@kommun.example"),
                        "requestType",
                        "PUBLICATION",
                        "occurredAt",
                        "2026-12-01T08:00:00Z"));
        readModels.apply("RequestOverdue", overdue(requestId, "SUBMITTED", "2026-12-03T08:00:00Z"));
        assertThat(openRequest(requestId))
                .isEqualTo(new ReadModels.OpenRequest(requestId, "PUBLICATION", "SUBMITTED", true));

        readModels.apply("RequestStatusChanged", Map.of("requestId", requestId, "toStatus", "IN_PROGRESS"));
        assertThat(openRequest(requestId))
                .isEqualTo(new ReadModels.OpenRequest(requestId, "PUBLICATION", "IN_PROGRESS", false));

        // The overdue of the stay it has left, read once more (a redelivery, a replay): still not overdue.
        readModels.apply("RequestOverdue", overdue(requestId, "SUBMITTED", "2026-12-03T08:00:00Z"));
        assertThat(openRequest(requestId))
                .isEqualTo(new ReadModels.OpenRequest(requestId, "PUBLICATION", "IN_PROGRESS", false));

        readModels.apply("RequestOverdue", overdue(requestId, "IN_PROGRESS", "2026-12-07T08:00:00Z"));
        assertThat(openRequest(requestId))
                .isEqualTo(new ReadModels.OpenRequest(requestId, "PUBLICATION", "IN_PROGRESS", true));
    }

    private static Map<String, Object> overdue(String requestId, String status, String at) {
        return Map.of("requestId", requestId, "status", status, "requestType", "PUBLICATION", "occurredAt", at);
    }

    private ReadModels.OpenRequest openRequest(String requestId) {
        return readModels.openRequests().stream()
                .filter(request -> request.requestId().equals(requestId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void tellsTheCentralTeamOnceADayWhichRequestsAreOpenAndWhichOverdue() {
        String anna = ReceiptEvents.uniqueAddress("anna");
        RequestSubmitted open = ReceiptEvents.to(RequestSubmittedMother.newEServicePublication(), anna);
        RequestEvents.publish(open);
        RequestOverdue overdue = RequestLifecycleMother.overdueAndAssigned();
        ServiceEvents.publish(overdue);
        Mailboxes.awaitMailTo(anna);
        Mails.awaitOne(TEAM, "Försenad begäran " + overdue.requestId());

        // A day far from other runs' digests, 06:59 Swedish time; the digest is due at 07:00 on weekdays.
        LocalDate day =
                LocalDate.of(2031, 3, 3 + (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 3));
        MovableClock clock = new MovableClock(Instant.parse(day + "T05:59:00Z"));
        DailyDigest digest = new DailyDigest(
                readModels, readModels, templates, notifications, deliver, "0 0 7 * * MON-FRI", clock, properties);

        assertThat(digest.runIfDue()).isEmpty();
        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(digest.runIfDue()).contains(day);
        assertThat(digest.runIfDue()).isEmpty();
        assertThat(new DailyDigest(
                                readModels,
                                readModels,
                                templates,
                                notifications,
                                deliver,
                                "0 0 7 * * MON-FRI",
                                clock,
                                properties)
                        .runIfDue())
                .as("another replica, the same day")
                .isEmpty();

        MimeMessage mail = Mails.awaitOne(TEAM, "Dagens sammanställning " + day);
        assertThat(Mails.part(mail, "text/plain"))
                .contains(open.requestId() + "  publicering  inskickad")
                .contains(overdue.requestId() + "  publicering  väntar på granskning  (!)") // WAITING_FOR_REVIEW
                .doesNotContain(anna);
        assertThat(Mails.to(TEAM, "Dagens sammanställning " + day)).hasSize(1);

        clock.advance(java.time.Duration.ofDays(1));
        assertThat(digest.runIfDue()).contains(day.plusDays(1));
    }
}
