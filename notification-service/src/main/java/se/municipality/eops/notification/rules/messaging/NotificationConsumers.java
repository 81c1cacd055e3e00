package se.municipality.eops.notification.rules.messaging;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.EventType;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.notification.delivery.application.DeliverNotifications;
import se.municipality.eops.notification.delivery.application.NotificationProperties;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.notification.delivery.domain.ReceiptMail;
import se.municipality.eops.notification.delivery.messaging.WebhookProperties;
import se.municipality.eops.notification.preferences.domain.LanguagePreferences;
import se.municipality.eops.notification.rules.application.NotifyOnEvent;
import se.municipality.eops.notification.rules.application.RulesProperties;
import se.municipality.eops.notification.rules.domain.MessageTemplates;
import se.municipality.eops.notification.rules.domain.NotificationRules;
import se.municipality.eops.notification.rules.persistence.MongoAwaitingRequesters;
import se.municipality.eops.notification.rules.persistence.ReadModels;
import se.municipality.eops.starter.messaging.EventConsumers;
import se.municipality.eops.starter.messaging.EventHandlers;
import se.municipality.eops.starter.messaging.EventJson;

/**
 * Reads the topics of the four services whose events the rules name (consumer group
 * notification-service) with the starter's idempotent consumers, in batches (the records of one poll,
 * {@code consumer.batch-mode} in application.yml): one look-up and one record of the applied events per
 * batch instead of two round trips per event. A malformed event goes to the dead-letter topic
 * {@code error.<topic>.notification-service} with the reason, alone. For every event a
 * rule or a read model is about, the notifications are recorded as pending ({@link NotifyOnEvent}),
 * then the read models updated; both are idempotent, so the starter's rule holds without
 * {@code EventEffects}. Event types the configuration names but the contract does not (yet) know
 * are logged at start and not consumed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesProperties.class)
class NotificationConsumers {

    private static final Logger log = LoggerFactory.getLogger(NotificationConsumers.class);

    /** Names the request events' consumer in the starter's record of applied events; never rename it. */
    static final String REQUEST_CONSUMER = "notification-receipts";

    @Bean
    NotificationRules notificationRules(RulesProperties properties) {
        NotificationRules rules = new NotificationRules(properties.rules());
        rules.eventTypes().stream()
                .filter(type -> EventCatalog.byName(type).isEmpty())
                .forEach(
                        type -> log.warn("A notification rule names {}, which the event contract does not know", type));
        return rules;
    }

    @Bean
    MessageTemplates messageTemplates(@Value("${eops.frontend.base-url:}") String frontendBaseUrl) {
        return new MessageTemplates("templates/notifications", frontendBaseUrl);
    }

    /** The mail links to the request in the web front end when {@code eops.frontend.base-url} is set. */
    @Bean
    ReceiptMail receiptMail(@Value("${eops.frontend.base-url:}") String frontendBaseUrl) {
        return new ReceiptMail(frontendBaseUrl.isBlank() ? null : URI.create(frontendBaseUrl.strip()));
    }

    @Bean
    ReadModels readModels(MongoTemplate mongo, RulesProperties properties, WebhookProperties webhooks) {
        return new ReadModels(mongo, properties.mailboxes(), webhooks.webhooks().keySet());
    }

    @Bean
    NotifyOnEvent notifyOnEvent(
            NotificationRules rules,
            MessageTemplates templates,
            ReceiptMail receipts,
            ReadModels readModels,
            LanguagePreferences preferences,
            Notifications notifications,
            DeliverNotifications deliver,
            java.time.Clock clock,
            NotificationProperties properties,
            MongoTemplate mongo) {
        return new NotifyOnEvent(
                rules,
                templates,
                receipts,
                readModels,
                preferences,
                notifications,
                deliver,
                clock,
                properties,
                NotificationConsumers::fieldsOf,
                new MongoAwaitingRequesters(mongo));
    }

    @Bean
    Consumer<Message<List<byte[]>>> requestEvents(
            EventConsumers consumers, NotificationRules rules, ReadModels readModels, NotifyOnEvent notify) {
        return handlers(consumers.named(REQUEST_CONSUMER), Topics.REQUEST_EVENTS, rules, readModels, notify);
    }

    @Bean
    Consumer<Message<List<byte[]>>> publicationEvents(
            EventConsumers consumers, NotificationRules rules, ReadModels readModels, NotifyOnEvent notify) {
        return handlers(
                consumers.named("notification-publication"), Topics.PUBLICATION_EVENTS, rules, readModels, notify);
    }

    @Bean
    Consumer<Message<List<byte[]>>> permissionEvents(
            EventConsumers consumers, NotificationRules rules, ReadModels readModels, NotifyOnEvent notify) {
        return handlers(
                consumers.named("notification-permission"), Topics.PERMISSION_EVENTS, rules, readModels, notify);
    }

    @Bean
    Consumer<Message<List<byte[]>>> purgeEvents(
            EventConsumers consumers, NotificationRules rules, ReadModels readModels, NotifyOnEvent notify) {
        return handlers(consumers.named("notification-purge"), Topics.PURGE_EVENTS, rules, readModels, notify);
    }

    private static Consumer<Message<List<byte[]>>> handlers(
            EventHandlers handlers,
            String topic,
            NotificationRules rules,
            ReadModels readModels,
            NotifyOnEvent notify) {
        Set<String> types = new LinkedHashSet<>(rules.eventTypes());
        types.addAll(ReadModels.eventTypes());
        for (EventType type : EventCatalog.all()) {
            if (type.topic().equals(topic) && types.contains(type.name())) {
                register(handlers, type, readModels, notify);
            }
        }
        return handlers.buildBatch();
    }

    private static <E extends DomainEvent> void register(
            EventHandlers handlers, EventType type, ReadModels readModels, NotifyOnEvent notify) {
        @SuppressWarnings("unchecked")
        Class<E> recordType = (Class<E>) type.recordType();
        handlers.on(recordType, incoming -> {
            // Notifications first: a receipt should not wait for the read model, which serves later
            // events (a permission event's requester, the digest) only.
            notify.handle(type.name(), incoming.event());
            Map<String, Object> fields = fieldsOf(incoming.event());
            readModels.apply(type.name(), fields);
            if (incoming.event() instanceof RequestSubmitted submitted) {
                // Events of other topics read before it may wait for this request's requester.
                notify.requestSubmitted(submitted.requestId());
            }
        });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> fieldsOf(DomainEvent event) {
        return EventJson.mapper().convertValue(event, Map.class);
    }
}
