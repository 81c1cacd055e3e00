package se.municipality.eops.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.notification.delivery.ReceiptEvents.uniqueAddress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.notification.delivery.domain.Message;
import se.municipality.eops.notification.delivery.domain.Notification;
import se.municipality.eops.notification.delivery.domain.NotificationIds;
import se.municipality.eops.notification.delivery.domain.NotificationStatus;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.testkit.ServiceIntegrationTest;

/**
 * An event's notifications are recorded with one write ({@code insertAllIfAbsent}) on the real MongoDB-protocol
 * server: each once, a redelivery's copies refused by their ids without stopping the new ones, and each stored with
 * the version its next (versioned) write expects.
 */
@ServiceIntegrationTest
class NotificationRecordIT {

    /** Longer than any test run: the sweep must not send these. */
    private static final Duration LEASE = Duration.ofHours(2);

    @Autowired
    Notifications notifications;

    @Test
    void recordsAnEventsNotificationsOnceEachAndKeepsTheirVersionsRight() {
        UUID eventId = UUID.randomUUID();
        Notification first = pending(eventId, uniqueAddress("first"));
        Notification second = pending(eventId, uniqueAddress("second"));

        assertThat(notifications.insertAllIfAbsent(List.of(first, second))).containsExactly(first.id(), second.id());
        // The next write of each is versioned: it works only if the insert stored the version the domain holds.
        Instant tried = Instant.now();
        first.notDelivered("test: held back", tried, tried.plus(LEASE), null, Duration.ZERO);
        assertThat(notifications.update(first)).isTrue();

        Notification again = pending(eventId, first.recipient());
        Notification third = pending(eventId, uniqueAddress("third"));
        assertThat(notifications.insertAllIfAbsent(List.of(again, third))).containsExactly(third.id());

        assertThat(notifications.find(first.id())).hasValueSatisfying(kept -> {
            assertThat(kept.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(kept.snapshot().lastError()).isEqualTo("test: held back"); // the copy changed nothing
            assertThat(kept.lastTriedAt()).isNotNull();
        });
        assertThat(notifications.find(second.id())).isPresent();
        assertThat(notifications.find(third.id())).isPresent();
        assertThat(notifications.update(third)).isTrue();
    }

    private static Notification pending(UUID eventId, String address) {
        return Notification.claimNew(
                NotificationIds.of("request-status-changed", eventId, Channel.EMAIL, address),
                "request-status-changed",
                Channel.EMAIL,
                address,
                "REQ-RECORD-" + eventId,
                eventId,
                new Message("sv", "Status", "Din begäran har ändrat status", null, null),
                Instant.now(),
                LEASE);
    }
}
