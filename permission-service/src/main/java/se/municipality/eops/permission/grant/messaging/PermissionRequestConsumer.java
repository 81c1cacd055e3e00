package se.municipality.eops.permission.grant.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.permission.grant.application.ExecutePermissionRequest;
import se.municipality.eops.permission.grant.application.WithdrawPermissionRequest;
import se.municipality.eops.starter.messaging.EventConsumers;

/**
 * Reads request-service's topic ({@code requestEvents-in-0}, consumer group permission-service): carries out every
 * permission request and withdraws what a withdrawn one, or one the central team rejected ({@code RequestRejected} with {@code
 * REJECTED_BY_TEAM}), still waits for. Failures are retried by the binder, then
 * dead-lettered to {@code error.eops.request.events.permission-service}. Every write of the handlers is keyed by the
 * request (see {@link ExecutePermissionRequest}) or guarded by the grant's status (see {@link
 * WithdrawPermissionRequest}), so a redelivery changes nothing.
 *
 * <p>One consumer for all on purpose: a request's events share its id as key, hence one partition, so this consumer
 * sees a request's {@code RequestWithdrawn} or {@code RequestRejected} only after it handled the request's {@code
 * RequestSubmitted}.
 */
@Configuration(proxyBeanMethods = false)
class PermissionRequestConsumer {

    /** Names this consumer in the starter's record of applied events; never rename it. */
    static final String CONSUMER_NAME = "permission-requests";

    @Bean
    Consumer<Message<byte[]>> requestEvents(
            EventConsumers consumers, ExecutePermissionRequest execute, WithdrawPermissionRequest withdraw) {
        return consumers
                .named(CONSUMER_NAME)
                .on(RequestSubmitted.class, incoming -> {
                    if (incoming.event().requestType() == RequestType.PERMISSION) {
                        execute.handle(incoming.event());
                    }
                })
                .on(RequestWithdrawn.class, incoming -> {
                    if (incoming.event().requestType() == RequestType.PERMISSION) {
                        withdraw.handle(incoming.event());
                    }
                })
                .on(RequestRejected.class, incoming -> {
                    if (incoming.event().requestType() == RequestType.PERMISSION) {
                        withdraw.handle(incoming.event());
                    }
                })
                .build();
    }
}
