package se.municipality.eops.publication.catalogue.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.publication.catalogue.application.PublicationIntake;
import se.municipality.eops.starter.messaging.EventConsumers;

/**
 * Reads request-service's topic ({@code requestEvents-in-0}, group publication-service): takes the
 * publication requests, their withdrawals and their rejections by the central team (a request's events share
 * its key, so a withdrawal or rejection comes after its request); other request types are other services'
 * concern. All are idempotent by construction (the e-service records the request on the version it made; a
 * withdrawn version stays withdrawn), as the starter's rule asks.
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
                .on(RequestWithdrawn.class, incoming -> intake.withdrawn(incoming.event()))
                .on(RequestRejected.class, incoming -> intake.rejected(incoming.event()))
                .build();
    }
}
