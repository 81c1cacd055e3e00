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
