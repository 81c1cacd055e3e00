package se.municipality.eops.notification.digest.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.scheduling.support.CronExpression;
import se.municipality.eops.contract.notification.Channel;
import se.municipality.eops.notification.delivery.application.DeliverNotifications;
import se.municipality.eops.notification.delivery.application.NotificationProperties;
import se.municipality.eops.notification.delivery.domain.Notification;
import se.municipality.eops.notification.delivery.domain.NotificationIds;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.notification.rules.domain.MessageTemplates;
import se.municipality.eops.notification.rules.domain.RecipientDirectory;
import se.municipality.eops.notification.rules.domain.RecipientSpec;
import se.municipality.eops.notification.rules.persistence.ReadModels;

/**
 * Once a day, at the time of {@code eops.notifications.digest.cron} (Swedish time), tells the central
 * team which requests are open and which of them are overdue, from the read model of the request
 * events. The digest is a notification keyed by its date, so however often the job runs that day and
 * on however many replicas, it goes out once.
 */
public class DailyDigest {

    public static final String TEMPLATE = "daily-digest";
    static final String TEAM = "CENTRAL_TEAM";
    private static final ZoneId SWEDISH_TIME = ZoneId.of("Europe/Stockholm");

    private final ReadModels requests;
    private final RecipientDirectory directory;
    private final MessageTemplates templates;
    private final Notifications notifications;
    private final DeliverNotifications deliver;
    private final CronExpression cron;
    private final Clock clock;
    private final NotificationProperties properties;

    public DailyDigest(
            ReadModels requests,
            RecipientDirectory directory,
            MessageTemplates templates,
            Notifications notifications,
            DeliverNotifications deliver,
            String cron,
            Clock clock,
            NotificationProperties properties) {
        this.requests = requests;
        this.directory = directory;
        this.templates = templates;
        this.notifications = notifications;
        this.deliver = deliver;
        this.cron = CronExpression.parse(cron);
        this.clock = clock;
        this.properties = properties;
    }

    /** Records and sends today's digest if its time has come and it is not recorded yet; the date, if it did. */
    public Optional<LocalDate> runIfDue() {
        ZonedDateTime now = clock.instant().atZone(SWEDISH_TIME);
        LocalDate today = now.toLocalDate();
        ZonedDateTime firstToday = cron.next(today.atStartOfDay(SWEDISH_TIME).minusNanos(1));
        if (firstToday == null || !firstToday.toLocalDate().equals(today) || now.isBefore(firstToday)) {
            return Optional.empty();
        }
        Optional<String> mailbox = directory.mailboxOf(TEAM);
        if (mailbox.isEmpty()) {
            return Optional.empty();
        }
        UUID digestKey = UUID.nameUUIDFromBytes((TEMPLATE + ":" + today).getBytes(StandardCharsets.UTF_8));
        String id = NotificationIds.of(TEMPLATE, digestKey, Channel.EMAIL, mailbox.get());
        if (notifications.find(id).isPresent()) {
            return Optional.empty();
        }
        List<ReadModels.OpenRequest> open = requests.openRequests();
        List<String> lines = new ArrayList<>();
        for (ReadModels.OpenRequest request : open) {
            lines.add(request.requestId() + "  "
                    + templates.label("requestType", request.requestType(), MessageTemplates.SWEDISH) + "  "
                    + templates.label("status", request.status(), MessageTemplates.SWEDISH)
                    + (request.overdue() ? "  (!)" : ""));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("date", today.toString());
        fields.put("openCount", open.size());
        fields.put(
                "overdueCount",
                open.stream().filter(ReadModels.OpenRequest::overdue).count());
        fields.put("lines", lines.isEmpty() ? "–" : String.join("\n", lines));
        Notification digest = Notification.claimNew(
                id,
                TEMPLATE,
                Channel.EMAIL,
                mailbox.get(),
                null,
                digestKey,
                templates.render(TEMPLATE, MessageTemplates.SWEDISH, fields, RecipientSpec.parse("mailbox:" + TEAM)),
                clock.instant(),
                properties.claimLease());
        if (notifications.insertIfAbsent(digest)) {
            deliver.sendSoon(digest, false);
            return Optional.of(today);
        }
        return Optional.empty();
    }
}
