package se.municipality.eops.publication.catalogue.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.municipality.eops.contract.purge.CasesPurged;
import se.municipality.eops.contract.purge.PurgeReason;
import se.municipality.eops.publication.catalogue.application.PublicationFollowUp;
import se.municipality.eops.starter.messaging.EventConsumers;

/**
 * Reads purge-service's topic ({@code purgeEvents-in-0}, group publication-service): the last batch of a
 * test-case purge that answers a review lets the approved e-service be published. Earlier batches and
 * retention purges are not this service's concern. Publishing is idempotent by construction: the
 * e-service's approved version becomes published in one versioned write, and a duplicate confirmation
 * finds no approved version left.
 */
@Configuration(proxyBeanMethods = false)
class PurgeEventsConsumer {

    /** Names this consumer in the record of applied events; never rename it. */
    static final String CONSUMER_NAME = "publication-purges";

    @Bean
    Consumer<Message<byte[]>> purgeEvents(EventConsumers consumers, PublicationFollowUp followUp) {
        return consumers
                .named(CONSUMER_NAME)
                .on(CasesPurged.class, incoming -> {
                    CasesPurged purged = incoming.event();
                    if (purged.reason() == PurgeReason.TEST_CASES
                            && purged.lastBatch()
                            && purged.eServiceId() != null
                            && (purged.reviewId() != null || purged.requestId() != null)) {
                        followUp.testCasesPurged(purged.eServiceId(), purged.reviewId(), purged.requestId());
                    }
                })
                .build();
    }
}
