package se.municipality.eops.starter.outbox;

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
 * Runs the relay's sweep on its own thread while the application runs, so a service needs no
 * {@code @EnableScheduling} for it. Replicas of a service take turns through a lock in the
 * service's database, so one sweep at a time publishes what was left behind.
 */
public class OutboxSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final OutboxRelay relay;
    private final Duration interval;
    /** A replica that dies mid-sweep holds the lock no longer than this. */
    private final Duration lockAtMost;

    private final LockingTaskExecutor lock;
    private final String lockName;
    private ScheduledExecutorService scheduler;

    /**
     * @param maxRun how long one sweep goes on at most (it checks between batches); the lock is held
     *     up to a minute longer, for the sends of the last batch to finish or time out
     */
    public OutboxSweeper(
            OutboxRelay relay, Duration interval, Duration maxRun, LockingTaskExecutor lock, String lockName) {
        this.relay = relay;
        this.interval = interval;
        this.lockAtMost = maxRun.plus(Duration.ofMinutes(1));
        this.lock = lock;
        this.lockName = lockName;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-sweep");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                this::sweepSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepSafely() {
        try {
            lock.executeWithLock(
                    (Runnable) relay::sweep, new LockConfiguration(Instant.now(), lockName, lockAtMost, Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed: {}", e.getMessage());
        }
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
