package se.municipality.eops.purge.purging.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.platform.PurgeBatchAcknowledged;
import se.municipality.eops.purge.purging.domain.BatchRecord;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.Purges;
import se.municipality.eops.purge.purging.domain.Subscribers;

/**
 * Subscribers' confirmations that they deleted their copies of a batch, and the flag on those that did not in time
 * ({@code PurgeAcknowledgementOverdue}, once per batch). In time means the acknowledgement's own {@code occurredAt}
 * (when the subscriber deleted its copies) is not after the batch's due instant; when this service consumed it does
 * not count, so a lagging consumer flags nobody. A batch is judged once, by the first maintenance run after its due
 * instant: an acknowledgement consumed after that run finds the batch settled.
 */
@Service
public class Acknowledgements {

    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

    private final Subscribers subscribers;
    private final Purges purges;
    private final Clock clock;
    private final Counter overdue;

    public Acknowledgements(Subscribers subscribers, Purges purges, Clock clock, MeterRegistry meters) {
        this.subscribers = subscribers;
        this.purges = purges;
        this.clock = clock;
        this.overdue = Counter.builder("eops.purge.acknowledgements.overdue")
                .description("Batches some registered subscriber did not acknowledge in time")
                .register(meters);
    }

    public void record(PurgeBatchAcknowledged acknowledged) {
        subscribers.acknowledge(
                acknowledged.purgeId(),
                acknowledged.batchNumber(),
                acknowledged.subscriberId(),
                acknowledged.occurredAt());
    }

    public void register(String subscriberId, String name, String who) {
        subscribers.register(new Subscribers.Subscriber(subscriberId, name, who, clock.instant()));
    }

    public List<Subscribers.Subscriber> subscribers() {
        return subscribers.all();
    }

    public Map<Integer, Set<String>> of(String purgeId) {
        return subscribers.acknowledgements(purgeId);
    }

    /**
     * Settles every batch whose acknowledgements were due by now: the subscribers with no acknowledgement that
     * occurred by the due instant are reported (also those that acknowledged later).
     */
    public void reportOverdue() {
        Instant now = clock.instant();
        for (Purge purge : purges.withAcknowledgementsDueBy(now)) {
            List<Subscribers.Acknowledgement> acknowledged = subscribers.acknowledgementsOf(purge.id());
            int reported = 0;
            for (BatchRecord batch : purge.batches()) {
                if (batch.acknowledgementsSettled()
                        || batch.acknowledgementsDueBy().isAfter(now)) {
                    continue;
                }
                Set<String> confirmed = acknowledged.stream()
                        .filter(ack -> ack.batchNumber() == batch.number())
                        .filter(ack -> ack.acknowledgedAt() == null
                                || !ack.acknowledgedAt().isAfter(batch.acknowledgementsDueBy()))
                        .map(Subscribers.Acknowledgement::subscriberId)
                        .collect(Collectors.toSet());
                List<String> missing = batch.expectedSubscribers().stream()
                        .filter(subscriber -> !confirmed.contains(subscriber))
                        .toList();
                purge.settleAcknowledgements(batch.number(), missing, now);
                if (!missing.isEmpty()) {
                    reported++;
                }
            }
            if (purges.save(purge) && reported > 0) {
                overdue.increment(reported);
                log.warn("Purge {}: {} batches not acknowledged in time", purge.id(), reported);
            }
        }
    }
}
