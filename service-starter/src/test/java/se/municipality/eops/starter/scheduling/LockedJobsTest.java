package se.municipality.eops.starter.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LockedJobsTest {

    /** Stands for another replica: while it holds the lock, no job runs here. */
    private final AtomicBoolean heldElsewhere = new AtomicBoolean();

    /** Let go of the last lock taken; like MongoDB's driver, refuses to on an interrupted thread. */
    private final AtomicBoolean letGo = new AtomicBoolean();

    private final LockProvider lockProvider = configuration -> {
        if (heldElsewhere.get()) {
            return Optional.empty();
        }
        letGo.set(false);
        return Optional.of((SimpleLock) () -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("Interrupted waiting for lock");
            }
            letGo.set(true);
        });
    };

    private final LockedJobs jobs = new LockedJobs("test-jobs", new DefaultLockingTaskExecutor(lockProvider));

    @AfterEach
    void stop() {
        jobs.stop();
    }

    @Test
    void runsEachJobAgainAndAgainWhileStartedAndNotAfterStop() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        jobs.every(Duration.ofMillis(20), "first", Duration.ofMinutes(1), first::incrementAndGet)
                .every(Duration.ofMillis(20), "second", Duration.ofMinutes(1), second::incrementAndGet);

        assertThat(jobs.isRunning()).isFalse();
        jobs.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> first.get() >= 3 && second.get() >= 3);
        jobs.stop();
        assertThat(jobs.isRunning()).isFalse();
        int afterStop = first.get();
        // Ten intervals later it has not run again.
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> first.get() == afterStop);
    }

    @Test
    void aJobThatFailsRunsAgainAtItsNextTime() {
        AtomicInteger runs = new AtomicInteger();
        jobs.every(Duration.ofMillis(20), "failing", Duration.ofMinutes(1), () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("MongoDB away");
        });
        jobs.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
    }

    @Test
    void aJobDoesNotRunWhileAnotherReplicaHoldsItsLock() {
        AtomicInteger runs = new AtomicInteger();
        jobs.every(Duration.ofMillis(20), "locked", Duration.ofMinutes(1), runs::incrementAndGet);
        heldElsewhere.set(true);
        jobs.start();

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> runs.get() == 0);
        jobs.runNow("locked");
        assertThat(runs).hasValue(0);

        heldElsewhere.set(false);
        jobs.runNow("locked");
        assertThat(runs).hasValueGreaterThanOrEqualTo(1);
    }

    @Test
    void aJobStoppedInTheMiddleOfItsRunStillLetsGoOfItsLock() {
        AtomicBoolean running = new AtomicBoolean();
        jobs.every(Duration.ofMillis(20), "long", Duration.ofMinutes(1), () -> {
            running.set(true);
            // Until stopped, and returns with its thread still interrupted, as MongoDB's driver leaves it.
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(1_000_000);
            }
        });
        jobs.start();
        await().atMost(Duration.ofSeconds(5)).untilTrue(running);

        jobs.stop();

        await().atMost(Duration.ofSeconds(5)).untilTrue(letGo);
    }

    @Test
    void jobsAreAddedBeforeTheStart() {
        jobs.start();

        assertThatThrownBy(() -> jobs.every(Duration.ofSeconds(1), "late", Duration.ofMinutes(1), () -> {}))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> jobs.runNow("unknown")).isInstanceOf(IllegalArgumentException.class);
    }
}
