package se.municipality.eops.purge.purging.application;

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

/**
 * The two scheduled jobs, each run by one replica at a time (a ShedLock lock in the service's database): planning
 * for every active rule ({@code eops.purge.planning-interval}) and maintenance ({@code
 * eops.purge.maintenance-interval}): expiring plans, reporting overdue acknowledgements, resuming purges.
 * Both first run one interval after the start.
 */
class PurgeSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PurgeSchedule.class);

    private final PurgeMaintenance maintenance;
    private final RetentionPlanning planning;
    private final PurgeSettings settings;
    private final LockingTaskExecutor lock;
    private ScheduledExecutorService scheduler;

    PurgeSchedule(
            PurgeMaintenance maintenance,
            RetentionPlanning planning,
            PurgeSettings settings,
            LockingTaskExecutor lock) {
        this.maintenance = maintenance;
        this.planning = planning;
        this.settings = settings;
        this.lock = lock;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "purge-schedule");
            thread.setDaemon(true);
            return thread;
        });
        every(settings.maintenanceInterval(), "purge-maintenance", maintenance::run);
        every(settings.planningInterval(), "purge-planning", planning::planAllRules);
    }

    private void every(Duration interval, String lockName, Runnable job) {
        Duration lockAtMost = interval.plus(Duration.ofMinutes(10));
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        lock.executeWithLock(
                                job, new LockConfiguration(Instant.now(), lockName, lockAtMost, Duration.ZERO));
                    } catch (RuntimeException e) {
                        log.warn("{} failed: {}", lockName, e.toString());
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
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
