package se.municipality.eops.notification.rules.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.notification.delivery.application.DeliverNotifications;
import se.municipality.eops.notification.delivery.application.NotificationProperties;
import se.municipality.eops.notification.delivery.domain.Message;
import se.municipality.eops.notification.delivery.domain.Notification;
import se.municipality.eops.notification.delivery.domain.NotificationIds;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.notification.delivery.domain.ReceiptMail;
import se.municipality.eops.notification.preferences.domain.LanguagePreferences;
import se.municipality.eops.notification.rules.domain.AwaitingRequester;
import se.municipality.eops.notification.rules.domain.AwaitingRequesters;
import se.municipality.eops.notification.rules.domain.MessageTemplates;
import se.municipality.eops.notification.rules.domain.NotificationRules;
import se.municipality.eops.notification.rules.domain.PlannedNotification;
import se.municipality.eops.notification.rules.domain.RecipientDirectory;
import se.municipality.eops.notification.rules.domain.RecipientSpec;
import se.municipality.eops.notification.rules.domain.RequesterSnapshot;

/**
 * Turns an event into its notifications and records them as pending, each under its own key
 * (event, recipient, template): a second delivery of the event finds the keys taken and adds
 * nothing. The consumer never waits for a mail server: the new notifications go to the sender
 * threads, and the sweep sends whatever they leave. Mails to the requester of a request not heard of yet wait for
 * its {@code RequestSubmitted} ({@link #requesterHeardOf}) instead of going to nobody.
 */
public class NotifyOnEvent {

    private static final Logger log = LoggerFactory.getLogger(NotifyOnEvent.class);

    private final NotificationRules rules;
    private final MessageTemplates templates;
    private final ReceiptMail receipts;
    private final RecipientDirectory directory;
    private final LanguagePreferences preferences;
    private final Notifications notifications;
    private final DeliverNotifications deliver;
    private final Clock clock;
    private final NotificationProperties properties;
    private final Function<DomainEvent, Map<String, Object>> fieldsOf;
    private final AwaitingRequesters awaitingRequesters;

    public NotifyOnEvent(
            NotificationRules rules,
            MessageTemplates templates,
            ReceiptMail receipts,
            RecipientDirectory directory,
            LanguagePreferences preferences,
            Notifications notifications,
            DeliverNotifications deliver,
            Clock clock,
            NotificationProperties properties,
            Function<DomainEvent, Map<String, Object>> fieldsOf,
            AwaitingRequesters awaitingRequesters) {
        this.rules = rules;
        this.templates = templates;
        this.receipts = receipts;
        this.directory = directory;
        this.preferences = preferences;
        this.notifications = notifications;
        this.deliver = deliver;
        this.clock = clock;
        this.properties = properties;
        this.fieldsOf = fieldsOf;
        this.awaitingRequesters = awaitingRequesters;
    }

    public void handle(String eventType, DomainEvent event) {
        Map<String, Object> fields = fieldsOf.apply(event);
        // One answer about the requester for both passes: else RequestSubmitted, read meanwhile by another
        // consumer, could leave the requester's mail neither planned nor waiting.
        RecipientDirectory asked = new RequesterSnapshot(directory);
        record(event.eventId(), event, fields, rules.plan(eventType, fields, asked));
        List<String> waiting = rules.awaitingRequester(eventType, fields, asked);
        if (!waiting.isEmpty()) {
            String requestId = (String) fields.get("requestId");
            awaitingRequesters.add(new AwaitingRequester(
                    eventType + ":" + event.eventId(), requestId, eventType, event.eventId(), waiting, fields));
            log.info(
                    "{} {} names request {}, not heard of yet: its mails to the requester wait for it",
                    eventType,
                    event.eventId(),
                    requestId);
            // RequestSubmitted may have been read meanwhile, before the above was kept: then it is up to us.
            requesterHeardOf(requestId);
        }
    }

    /**
     * Called once {@code RequestSubmitted} of the request is in the read model: records the mails to its requester
     * that events read before it left waiting. Safe to run twice (the notifications' keys), so both sides of the
     * race (the waiting event, the submission) may call it.
     */
    public void requesterHeardOf(String requestId) {
        if (directory.requesterOf(requestId).isEmpty()) {
            return;
        }
        recordAwaiting(requestId);
    }

    /**
     * As {@link #requesterHeardOf}, called by the consumer of {@code RequestSubmitted} right after it put the request
     * into the read model: the requester is known, so it is not looked up again.
     */
    public void requestSubmitted(String requestId) {
        recordAwaiting(requestId);
    }

    private void recordAwaiting(String requestId) {
        for (AwaitingRequester waiting : awaitingRequesters.forRequest(requestId)) {
            List<PlannedNotification> toRequester =
                    rules.plan(waiting.eventType(), waiting.fields(), directory).stream()
                            .filter(planned -> planned.recipient().kind() == RecipientSpec.Kind.REQUESTER
                                    && waiting.templates().contains(planned.template()))
                            .toList();
            record(waiting.eventId(), null, waiting.fields(), toRequester);
            awaitingRequesters.remove(waiting.id());
        }
    }

    private void record(UUID eventId, DomainEvent event, Map<String, Object> fields, List<PlannedNotification> plan) {
        if (plan.isEmpty()) {
            return;
        }
        String requestId = fields.get("requestId") instanceof String id ? id : null;
        List<Notification> planned = new ArrayList<>(plan.size());
        List<Boolean> personal = new ArrayList<>(plan.size());
        for (PlannedNotification next : plan) {
            String id = NotificationIds.of(
                    next.template(),
                    eventId,
                    next.recipient().channel(),
                    next.recipient().address());
            Message message = render(next, languageOf(next, event), event, fields);
            planned.add(Notification.claimNew(
                    id,
                    next.template(),
                    next.recipient().channel(),
                    next.recipient().address(),
                    requestId,
                    eventId,
                    message,
                    clock.instant(),
                    properties.claimLease()));
            RecipientSpec.Kind kind = next.recipient().kind();
            personal.add(kind == RecipientSpec.Kind.REQUESTER
                    || kind == RecipientSpec.Kind.PERSON
                    || kind == RecipientSpec.Kind.REQUEST_PERSON);
        }
        // One write for all of the event's notifications (the receipt and the team's mail of a new request): the
        // consumer's time goes to MongoDB round trips, and each one saved is one less per event.
        Set<String> inserted = notifications.insertAllIfAbsent(planned);
        for (int i = 0; i < planned.size(); i++) {
            Notification notification = planned.get(i);
            if (inserted.contains(notification.id())) {
                deliver.sendSoon(notification, personal.get(i));
            } else {
                log.debug(
                        "Notification {} recorded by an earlier delivery of its event; left alone", notification.id());
            }
        }
    }

    /**
     * The recipient's language; the receipt of a new request has its own text in both languages ({@link
     * ReceiptMail}), so its recipient's preference is not looked up (one MongoDB round trip less per request).
     */
    private String languageOf(PlannedNotification planned, DomainEvent event) {
        if (planned.recipient().userId() == null || isReceipt(planned.template(), event)) {
            return MessageTemplates.SWEDISH;
        }
        return preferences.languageOf(planned.recipient().userId()).orElse(MessageTemplates.SWEDISH);
    }

    private static boolean isReceipt(String template, DomainEvent event) {
        return ReceiptMail.TEMPLATE.equals(template) && event instanceof RequestSubmitted;
    }

    /** Rendered for its recipient: the link goes to a page of the portal they can open. */
    private Message render(
            PlannedNotification planned, String language, DomainEvent event, Map<String, Object> fields) {
        if (isReceipt(planned.template(), event) && event instanceof RequestSubmitted submitted) {
            // The receipt keeps its own text (Swedish, English summary); its rule addresses the requester alone, so
            // its link is the requester's page of the request.
            return receipts.message(submitted);
        }
        return templates.render(planned.template(), language, fields, planned.foundBy());
    }
}
