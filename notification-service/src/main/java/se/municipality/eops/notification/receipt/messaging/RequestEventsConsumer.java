package se.municipality.eops.notification.receipt.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.notification.receipt.application.SendReceipt;
import se.municipality.eops.starter.messaging.EventConsumers;

/**
 * Reads request-service's topic ({@code requestEvents-in-0}, consumer group notification-service)
 * and sends a receipt for every submitted request. Failures are retried by the binder, then
 * dead-lettered to {@code error.eops.request.events.notification-service}.
 *
 * <p>It follows the starter's rule for handlers without {@code EventEffects}: its database effect is
 * the notification {@code receipt:<eventId>}, inserted once (a second insert is a duplicate key) and
 * changed afterwards only by versioned writes of that one document, and the mail, which no database
 * write can include, is claimed in it before it is sent.
 */
@Configuration(proxyBeanMethods = false)
class RequestEventsConsumer {

    /** Names this consumer in the starter's record of applied events; never rename it. */
    static final String CONSUMER_NAME = "notification-receipts";

    @Bean
    Consumer<Message<byte[]>> requestEvents(EventConsumers consumers, SendReceipt sendReceipt) {
        return consumers
                .named(CONSUMER_NAME)
                .on(RequestSubmitted.class, incoming -> sendReceipt.handle(incoming.event()))
                .build();
    }
}
