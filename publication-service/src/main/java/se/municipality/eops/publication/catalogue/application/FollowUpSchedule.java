package se.municipality.eops.publication.catalogue.application;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the reminder and stall scans every {@code eops.publication.scan-interval}, one replica at a time
 * (a ShedLock lock in the service's database, as the starter's outbox sweep does), so a reminder or a
 * stall flag is raised once however many replicas run. The aggregate's own flags make a repeated scan
 * harmless anyway.
 */
@Component
class FollowUpSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FollowUpSchedule.class);
    static final String LOCK_NAME = "publication-follow-up";

    private final PublicationFollowUp followUp;
    private final LockingTaskExecutor lock;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    FollowUpSchedule(
            PublicationFollowUp followUp, LockingTaskExecutor publicationLock, PublicationProperties properties) {
        this.followUp = followUp;
        this.lock = publicationLock;
        this.interval = properties.scanInterval();
    }

    void scanOnce() {
        Instant now = followUp.now();
        followUp.remindOfWaitingReviews(now);
        followUp.flagStalledPublications(now);
    }

    private void scanSafely() {
        try {
            lock.executeWithLock(
                    (Runnable) this::scanOnce,
                    new LockConfiguration(Instant.now(), LOCK_NAME, interval.multipliedBy(5), Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("Publication follow-up scan failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "publication-follow-up");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                this::scanSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
