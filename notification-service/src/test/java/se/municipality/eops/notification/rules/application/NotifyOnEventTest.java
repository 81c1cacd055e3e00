package se.municipality.eops.notification.rules.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import se.municipality.eops.notification.TaskExecutor;
import se.municipality.eops.notification.delivery.application.DeliverNotifications;
import se.municipality.eops.notification.delivery.application.NotificationProperties;
import se.municipality.eops.notification.delivery.domain.Notification;
import se.municipality.eops.notification.delivery.domain.NotificationFilter;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.notification.delivery.domain.ReceiptMail;
import se.municipality.eops.notification.preferences.domain.LanguagePreferences;
import se.municipality.eops.notification.rules.domain.AwaitingRequester;
import se.municipality.eops.notification.rules.domain.AwaitingRequesters;
import se.municipality.eops.notification.rules.domain.MessageTemplates;
import se.municipality.eops.notification.rules.domain.NotificationRule;
import se.municipality.eops.notification.rules.domain.NotificationRules;
import se.municipality.eops.notification.rules.domain.Person;
import se.municipality.eops.notification.rules.domain.RecipientDirectory;
import se.municipality.eops.starter.messaging.EventJson;

/**
 * The consumer's time goes to MongoDB round trips (README, "Where a receipt's time goes"): what recording a new
 * request's notifications asks of the database, counted with fakes.
 */
class NotifyOnEventTest {

    private final CountingNotifications notifications = new CountingNotifications();
    private final CountingPreferences preferences = new CountingPreferences();
    private final CountingDirectory directory = new CountingDirectory();
    /** What the sender threads would run, kept so that nothing is sent. */
    private final List<Runnable> sends = new ArrayList<>();

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
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
    private final NotifyOnEvent notify = new NotifyOnEvent(
            new NotificationRules(List.of(
                    new NotificationRule("RequestSubmitted", ReceiptMail.TEMPLATE, List.of("requester"), null),
                    new NotificationRule("RequestSubmitted", "new-request", List.of("mailbox:CENTRAL_TEAM"), null))),
            new MessageTemplates("templates/notifications", ""),
            new ReceiptMail(null),
            directory,
            preferences,
            notifications,
            new DeliverNotifications(
                    notifications,
                    List.of(),
                    new TaskExecutor(sends::add),
                    clock,
                    properties,
                    new SimpleMeterRegistry()),
            clock,
            properties,
            NotifyOnEventTest::fieldsOf,
            new NoneAwaiting());

    @Test
    void aNewRequestsNotificationsAreRecordedInOneWriteWithoutLookingUpTheRequesterOrTheirLanguage() {
        RequestSubmitted submitted = RequestSubmittedMother.newEServicePublication();

        notify.handle("RequestSubmitted", submitted);
        notify.requestSubmitted(submitted.requestId());

        assertThat(notifications.stored).hasSize(2);
        assertThat(notifications.writes).isEqualTo(1);
        assertThat(preferences.lookups).isZero();
        assertThat(directory.requesterLookups).isZero();
        assertThat(sends).hasSize(2);
    }

    @Test
    void aRedeliveredRequestSendsNothingMore() {
        RequestSubmitted submitted = RequestSubmittedMother.newEServicePublication();
        notify.handle("RequestSubmitted", submitted);
        sends.clear();

        notify.handle("RequestSubmitted", submitted);

        assertThat(notifications.stored).hasSize(2);
        assertThat(sends).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fieldsOf(se.municipality.eops.contract.DomainEvent event) {
        return EventJson.mapper().convertValue(event, Map.class);
    }

    private static final class CountingNotifications implements Notifications {

        final Map<String, Notification> stored = new LinkedHashMap<>();
        int writes;

        @Override
        public Optional<Notification> find(String id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public boolean insertIfAbsent(Notification notification) {
            writes++;
            return stored.putIfAbsent(notification.id(), notification) == null;
        }

        @Override
        public Set<String> insertAllIfAbsent(List<Notification> notifications) {
            writes++;
            Set<String> inserted = new LinkedHashSet<>();
            notifications.stream()
                    .filter(n -> stored.putIfAbsent(n.id(), n) == null)
                    .forEach(n -> inserted.add(n.id()));
            return inserted;
        }

        @Override
        public boolean update(Notification notification) {
            writes++;
            return true;
        }

        @Override
        public List<Notification> pendingDue(Instant now, Channel channel, int limit) {
            return List.of();
        }

        @Override
        public Page search(NotificationFilter filter, int page, int size) {
            return new Page(List.of(), page, size, 0);
        }

        @Override
        public List<Notification> findByRequestId(String requestId) {
            return List.of();
        }
    }

    private static final class CountingPreferences implements LanguagePreferences {

        int lookups;

        @Override
        public Optional<String> languageOf(String userId) {
            lookups++;
            return Optional.empty();
        }

        @Override
        public void set(String userId, String language) {}
    }

    private static final class CountingDirectory implements RecipientDirectory {

        int requesterLookups;

        @Override
        public Optional<Person> requesterOf(String requestId) {
            requesterLookups++;
            return Optional.of(new Person("anna", "anna.andersson@kommun.example"));
        }

        @Override
        public Optional<Person> personOfRequest(String requestId, String field) {
            return Optional.empty();
        }

        @Override
        public List<Person> administratorsOf(String eServiceId) {
            return List.of();
        }

        @Override
        public Optional<String> mailboxOf(String role) {
            return Optional.of("centrala-teamet@kommun.example");
        }

        @Override
        public boolean hasWebhook(String role) {
            return false;
        }
    }

    private static final class NoneAwaiting implements AwaitingRequesters {

        @Override
        public void add(AwaitingRequester awaiting) {}

        @Override
        public List<AwaitingRequester> forRequest(String requestId) {
            return List.of();
        }

        @Override
        public void remove(String id) {}
    }
}
