package se.municipality.eops.purge.purging.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Executes a purge batch by batch, and finishes one a crash interrupted. Per step of {@code batches-per-write}
 * batches: their cases still in them (the platform may have deleted some) and not held now, remembered as purged,
 * then one write of the purge that counts them, remembers their ids and carries one CasesPurged per batch, then
 * one bulk deletion. A restart deletes the remembered ids again (harmless) and goes on with the next step, so every
 * case is deleted and counted once. Only cases in this purge's batches are ever deleted.
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
    private final int batchesPerWrite;
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
        this.batchesPerWrite = settings.batchesPerWrite();
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
            cases.delete(purge.deleting());
        }
        while (!purge.allBatchesPublished()) {
            int from = purge.nextBatchNumber();
            int to = Math.min(purge.batchesToPublish(), from + batchesPerWrite - 1);
            List<Purge.BatchCases> next = nextBatches(purge, from, to);
            List<String> expected = subscribers.all().stream()
                    .map(Subscribers.Subscriber::subscriberId)
                    .toList();
            purge.recordBatches(next, clock.instant(), expected, acknowledgementWindow);
            if (!purges.save(purge)) {
                log.info("Purge {} was moved on by another runner; leaving it", purgeId);
                return;
            }
            cases.delete(purge.deleting());
            purged(purge.reason()).increment(purge.deleting().size());
        }
        complete(purge);
    }

    /**
     * Batches {@code from}..{@code to}: their cases not held now (a hold on the e-service holds them all), each
     * remembered as purged before the write that records it, so the index never takes one back.
     */
    private List<Purge.BatchCases> nextBatches(Purge purge, int from, int to) {
        Map<Integer, PurgeCases.TakenBatch> taken = new HashMap<>();
        Set<String> held = Set.of();
        if (holds.eServiceHeld(purge.eServiceId()).isEmpty()) {
            cases.take(purge.id(), from, to).forEach(batch -> taken.put(batch.number(), batch));
            held = holds.heldCases().keySet();
        }
        List<Purge.BatchCases> next = new ArrayList<>();
        Map<Integer, List<String>> toRemember = new HashMap<>();
        for (int number = from; number <= to; number++) {
            PurgeCases.TakenBatch batch = taken.get(number);
            if (batch == null) {
                next.add(new Purge.BatchCases(List.of(), 0));
                continue;
            }
            Set<String> heldNow = held;
            List<String> caseIds = batch.caseIds().stream()
                    .filter(caseId -> !heldNow.contains(caseId))
                    .toList();
            if (!caseIds.isEmpty()) {
                toRemember.put(number, caseIds);
            }
            next.add(new Purge.BatchCases(caseIds, batch.deletedByPlatform()));
        }
        cases.rememberPurged(purge.id(), toRemember);
        return next;
    }

    private void complete(Purge purge) {
        long heldBack = purge.heldBackSoFar();
        purge.complete(heldBack, clock.instant());
        purgeLog.recordOnce(PurgeLogEntry.of(purge));
        if (purges.save(purge)) {
            // Only now: a completed purge claims nothing, and its batches are no longer needed.
            cases.dropBatches(purge.id());
            duration.record(Duration.between(purge.startedAt(), purge.finishedAt()));
            log.info(
                    "Purge {} ({}) of {} completed: {} cases in {} batches, {} held back, {} deleted by the platform",
                    purge.id(),
                    purge.reason(),
                    purge.eServiceId(),
                    purge.purgedCount(),
                    purge.batches().size(),
                    heldBack,
                    purge.deletedByPlatform());
        }
    }

    private Counter purged(PurgeReason reason) {
        return Counter.builder("eops.purge.cases.purged")
                .description("Cases deleted by purges")
                .tag("reason", reason.name())
                .register(meters);
    }
}
