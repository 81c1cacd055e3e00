package se.municipality.eops.purge.purging.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.municipality.eops.contract.purge.PurgeReason;
import se.municipality.eops.purge.holds.application.HoldKeeping;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.PurgeCases;
import se.municipality.eops.purge.purging.domain.PurgeLog;
import se.municipality.eops.purge.purging.domain.PurgeLogEntry;
import se.municipality.eops.purge.purging.domain.PurgeStatus;
import se.municipality.eops.purge.purging.domain.Purges;
import se.municipality.eops.purge.purging.domain.Subscribers;

/**
 * Executes a purge batch by batch, and finishes one a crash interrupted. Per batch: the cases still in it and not
 * held now, then one write of the purge that counts them, remembers their ids and carries their CasesPurged, then
 * the deletion. A restart deletes the remembered ids again (harmless) and goes on with the next batch, so every
 * case is deleted and counted once. Only cases assigned to this purge are ever deleted.
 */
public class PurgeExecution {

    private static final Logger log = LoggerFactory.getLogger(PurgeExecution.class);

    private final Purges purges;
    private final PurgeCases cases;
    private final PurgeLog purgeLog;
    private final Subscribers subscribers;
    private final HoldKeeping holds;
    private final Clock clock;
    private final Duration acknowledgementWindow;
    private final MeterRegistry meters;
    private final Timer duration;

    public PurgeExecution(
            Purges purges,
            PurgeCases cases,
            PurgeLog purgeLog,
            Subscribers subscribers,
            HoldKeeping holds,
            Clock clock,
            PurgeSettings settings,
            MeterRegistry meters) {
        this.purges = purges;
        this.cases = cases;
        this.purgeLog = purgeLog;
        this.subscribers = subscribers;
        this.holds = holds;
        this.clock = clock;
        this.acknowledgementWindow = settings.acknowledgementWindow();
        this.meters = meters;
        this.duration = Timer.builder("eops.purge.duration")
                .description("From the start of a purge's execution (approval) to its last batch")
                .register(meters);
    }

    /** Runs the purge to its end if it is executing; does nothing otherwise. */
    public void run(String purgeId) {
        Purge purge = purges.find(purgeId).orElse(null);
        if (purge == null || purge.status() != PurgeStatus.EXECUTING) {
            return;
        }
        if (!purge.deleting().isEmpty()) {
            // Recorded and announced before a crash, perhaps not deleted: delete, never count again.
            cases.delete(purgeId, purge.deleting());
        }
        while (!purge.allBatchesPublished()) {
            List<String> caseIds = holds.onEService(purge.eServiceId()).isPresent()
                    ? List.of()
                    : cases.batchCasesToDelete(purgeId, purge.nextBatchNumber());
            List<String> expected = subscribers.all().stream()
                    .map(Subscribers.Subscriber::subscriberId)
                    .toList();
            purge.recordBatch(caseIds, clock.instant(), expected, acknowledgementWindow);
            if (!purges.save(purge)) {
                log.info("Purge {} was moved on by another runner; leaving it", purgeId);
                return;
            }
            cases.delete(purgeId, caseIds);
            purged(purge.reason()).increment(caseIds.size());
            purge = purges.find(purgeId).orElseThrow();
        }
        complete(purge);
    }

    private void complete(Purge purge) {
        if (purge.purgedCount() < purge.preview().dueCount()) {
            cases.release(purge.id()); // what holds kept (or the platform deleted) is free for later purges
        }
        cases.dropBatches(purge.id());
        long heldBack = purge.preview().heldBackCount() + (purge.preview().dueCount() - purge.purgedCount());
        purge.complete(heldBack, clock.instant());
        purgeLog.recordOnce(PurgeLogEntry.of(purge));
        if (purges.save(purge)) {
            duration.record(Duration.between(purge.startedAt(), purge.finishedAt()));
            log.info(
                    "Purge {} ({}) of {} completed: {} cases in {} batches, {} held back",
                    purge.id(),
                    purge.reason(),
                    purge.eServiceId(),
                    purge.purgedCount(),
                    purge.batches().size(),
                    heldBack);
        }
    }

    private Counter purged(PurgeReason reason) {
        return Counter.builder("eops.purge.cases.purged")
                .description("Cases deleted by purges")
                .tag("reason", reason.name())
                .register(meters);
    }
}
