package se.municipality.eops.purge.purging.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.municipality.eops.contract.publication.ReviewApproved;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.purge.purging.application.PurgeRequests;
import se.municipality.eops.starter.messaging.EventConsumers;

/**
 * PURGE requests, their withdrawals and the central team's rejections from {@code eops.request.events} ({@code
 * requestEvents-in-0}) and ReviewApproved from {@code eops.publication.events} ({@code publicationEvents-in-0}), both
 * in group purge-service. The effects are keyed by the request or review (a purge or plan id derived from it, inserted
 * once; a withdrawal or rejection moves a plan awaiting approval to WITHDRAWN, which it never leaves), so a
 * redelivery changes nothing. A request's events share its key, so its RequestWithdrawn or RequestRejected comes after
 * its RequestSubmitted.
 */
@Configuration(proxyBeanMethods = false)
class PurgeRequestConsumers {

    /** Name the consumers in the starter's record of applied events; never rename them. */
    static final String REQUESTS = "purge-requests";

    static final String REVIEWS = "purge-reviews";

    @Bean
    Consumer<Message<byte[]>> requestEvents(EventConsumers consumers, PurgeRequests requests) {
        return consumers
                .named(REQUESTS)
                .on(RequestSubmitted.class, incoming -> requests.on(incoming.event()))
                .on(RequestWithdrawn.class, incoming -> requests.on(incoming.event()))
                .on(RequestRejected.class, incoming -> requests.on(incoming.event()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> publicationEvents(EventConsumers consumers, PurgeRequests requests) {
        return consumers
                .named(REVIEWS)
                .on(ReviewApproved.class, incoming -> requests.on(incoming.event()))
                .build();
    }
}
