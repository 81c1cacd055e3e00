package se.municipality.eops.purge.cases.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.municipality.eops.contract.platform.CaseClosed;
import se.municipality.eops.contract.platform.CaseDeleted;
import se.municipality.eops.contract.platform.CaseSubmitted;
import se.municipality.eops.contract.platform.PurgeBatchAcknowledged;
import se.municipality.eops.purge.cases.application.CaseIndexing;
import se.municipality.eops.purge.purging.application.Acknowledgements;
import se.municipality.eops.purge.purging.application.PlatformDeletions;
import se.municipality.eops.starter.messaging.EventConsumers;

/**
 * Reads the inbound topic {@code eops.platform.case-events} ({@code caseEvents-in-0}, group purge-service): case
 * events feed the index, acknowledgements go to the purge log. Every effect is idempotent by construction (keyed
 * inserts, {@code $set}s of the event's values, deletes by id), so a redelivery changes nothing; poison goes to
 * {@code error.eops.platform.case-events.purge-service}.
 */
@Configuration(proxyBeanMethods = false)
class PlatformEventsConsumer {

    /** Names this consumer in the starter's record of applied events; never rename it. */
    static final String CONSUMER_NAME = "purge-case-index";

    @Bean
    Consumer<Message<byte[]>> caseEvents(
            EventConsumers consumers,
            CaseIndexing indexing,
            PlatformDeletions platformDeletions,
            Acknowledgements acknowledgements) {
        return consumers
                .named(CONSUMER_NAME)
                .on(CaseSubmitted.class, incoming -> indexing.on(incoming.event()))
                .on(CaseClosed.class, incoming -> indexing.on(incoming.event()))
                .on(CaseDeleted.class, incoming -> {
                    // Out of any purge batch first: once the index lets go of it, no purge may count it.
                    platformDeletions.caseDeleted(incoming.event().caseId());
                    indexing.on(incoming.event());
                })
                .on(PurgeBatchAcknowledged.class, incoming -> acknowledgements.record(incoming.event()))
                .build();
    }
}
