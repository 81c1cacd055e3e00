package se.municipality.eops.starter.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections the MongoDB collections whose documents carry a {@code pendingEvents} list
 * @param source the CloudEvents {@code source} of this service's events
 * @param sweepInterval how often the fallback sweep looks for events left behind by a crash or an
 *     outage
 * @param sweepGrace how old a pending event must be before the sweep takes it, so the sweep does not
 *     race the publication that follows every write
 * @param sweepBatchSize how many documents one query of the sweep takes; a sweep goes on batch after
 *     batch while there is work, up to {@code sweepMaxRun}
 * @param sweepMaxRun how long one sweep may go on before it lets go of its lock (and another replica
 *     may take over); well below the lock's own limit
 * @param relayThreads how many documents the relay publishes at the same time
 * @param operatorRoles roles (without {@code ROLE_}) allowed to list and replay parked events through
 *     {@code /actuator/outbox}
 */
@ConfigurationProperties("eops.outbox")
public record OutboxProperties(
        List<String> collections,
        String source,
        Duration sweepInterval,
        Duration sweepGrace,
        Integer sweepBatchSize,
        Duration sweepMaxRun,
        Integer relayThreads,
        List<String> operatorRoles) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        sweepGrace = sweepGrace == null ? Duration.ofSeconds(10) : sweepGrace;
        sweepBatchSize = sweepBatchSize == null ? 500 : sweepBatchSize;
        sweepMaxRun = sweepMaxRun == null ? Duration.ofSeconds(30) : sweepMaxRun;
        relayThreads = relayThreads == null ? 4 : relayThreads;
        operatorRoles = operatorRoles == null ? List.of("CENTRAL_TEAM") : List.copyOf(operatorRoles);
    }
}
