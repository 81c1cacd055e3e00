package se.municipality.eops.publication.catalogue.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.publication.catalogue.application.PublicationIntake;
import se.municipality.eops.starter.messaging.EventConsumers;

/**
 * Reads request-service's topic ({@code requestEvents-in-0}, group publication-service) and takes the
 * publication requests; other request types are other services' concern. The intake is idempotent by
 * construction (the e-service records the request on the version it made), as the starter's rule asks.
 */
@Configuration(proxyBeanMethods = false)
class RequestEventsConsumer {

    /** Names this consumer in the record of applied events; never rename it. */
    static final String CONSUMER_NAME = "publication-intake";

    @Bean
    Consumer<Message<byte[]>> requestEvents(EventConsumers consumers, PublicationIntake intake) {
        return consumers
                .named(CONSUMER_NAME)
                .on(RequestSubmitted.class, incoming -> intake.handle(incoming.event()))
                .build();
    }
}
