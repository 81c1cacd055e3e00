package se.municipality.eops.starter.outbox;

import java.time.Duration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import se.municipality.eops.starter.scheduling.LockedJobs;

/**
 * Runs the relay's sweep on its own thread while the application runs, so a service needs no
 * {@code @EnableScheduling} for it. Replicas of a service take turns through a lock in the
 * service's database, so one sweep at a time publishes what was left behind.
 */
public class OutboxSweeper extends LockedJobs {

    /**
     * @param maxRun how long one sweep goes on at most (it checks between batches); the lock is held
     *     up to a minute longer, for the sends of the last batch to finish or time out
     */
    public OutboxSweeper(
            OutboxRelay relay, Duration interval, Duration maxRun, LockingTaskExecutor lock, String lockName) {
        super("outbox-sweep", lock);
        every(interval, lockName, maxRun.plus(Duration.ofMinutes(1)), relay::sweep);
    }
}
