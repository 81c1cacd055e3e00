package se.municipality.eops.purge.purging.application;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.web.ConflictException;

/**
 * One purge at a time is made per e-service, across replicas (a ShedLock lock named after the e-service): a new
 * purge leaves out the cases in the open purges' batches, so two made at once could otherwise claim the same
 * cases. Making one takes seconds; a lock left by a crash lapses after {@link #AT_MOST}.
 */
class PlanningLock {

    static final Duration AT_MOST = Duration.ofMinutes(10);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final LockingTaskExecutor locks;

    PlanningLock(LockingTaskExecutor locks) {
        this.locks = locks;
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
