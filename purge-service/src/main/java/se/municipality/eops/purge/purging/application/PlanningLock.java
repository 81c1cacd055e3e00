package se.municipality.eops.purge.purging.application;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.web.ConflictException;

/**
 * One purge at a time is made per e-service, across replicas (a ShedLock lock named after the e-service): a new
 * purge leaves out the cases in the open purges' batches, so two made at once could otherwise claim the same
 * cases. The lock is kept alive while a purge is being made (extended every half of {@link #AT_MOST}), so making
 * one may take as long as the cases need, yet a lock left by a process killed while it held it lapses after
 * {@code AT_MOST}: the redelivered event's next attempt gets it (a fixed lease of 10 minutes outlasted every
 * attempt, and a crash while making a test-case purge dead-lettered its ReviewApproved).
 */
class PlanningLock implements AutoCloseable {

    /** A crashed holder's lock is free again after this; a live one's is kept alive (PurgeConfiguration). */
    static final Duration AT_MOST = Duration.ofSeconds(30);

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "purge-lock-keep-alive");
        thread.setDaemon(true);
        return thread;
    });
    private final LockingTaskExecutor locks;

    PlanningLock(ExtensibleLockProvider locks) {
        this.locks = new DefaultLockingTaskExecutor(new KeepAliveLockProvider(locks, keepAlive));
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
    }

    <T> T forEService(String eServiceId, Supplier<T> work) {
        Instant giveUp = ClockProvider.now().plus(WAIT);
        while (true) {
            LockingTaskExecutor.TaskResult<T> result;
            try {
                result = locks.executeWithLock(
                        work::get,
                        new LockConfiguration(
                                ClockProvider.now(), "purge-making-" + eServiceId, AT_MOST, Duration.ZERO));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable checked) {
                throw new IllegalStateException(checked);
            }
            if (result.wasExecuted()) {
                return result.getResult();
            }
            if (ClockProvider.now().isAfter(giveUp)) {
                throw new ConflictException(
                        "eServiceId",
                        "another purge of " + eServiceId + " is being made; try again",
                        FieldErrorCodes.BUSY);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
