package se.municipality.eops.permission.grant.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.permission.grant.application.ExecutePermissionRequest;
import se.municipality.eops.starter.messaging.EventConsumers;

/**
 * Reads request-service's topic ({@code requestEvents-in-0}, consumer group permission-service) and
 * carries out every permission request. Failures are retried by the binder, then dead-lettered to
 * {@code error.eops.request.events.permission-service}. Every write of the handler is keyed by the
 * request (see {@link ExecutePermissionRequest}), so a redelivery changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class PermissionRequestConsumer {

    /** Names this consumer in the starter's record of applied events; never rename it. */
    static final String CONSUMER_NAME = "permission-requests";

    @Bean
    Consumer<Message<byte[]>> requestEvents(EventConsumers consumers, ExecutePermissionRequest execute) {
        return consumers
                .named(CONSUMER_NAME)
                .on(RequestSubmitted.class, incoming -> {
                    if (incoming.event().requestType() == RequestType.PERMISSION) {
                        execute.handle(incoming.event());
                    }
                })
                .build();
    }
}
