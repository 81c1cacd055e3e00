package se.municipality.eops.starter.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Jobs a service runs on a schedule while it runs, each on one replica at a time: before each run the job takes a
 * ShedLock lock of its name in the service's own database (collection {@code shedLock}), and a replica that finds it
 * taken skips that run. The jobs share one thread of their own, so a service needs no {@code @EnableScheduling}, and
 * each first runs one interval after the start. A job that fails is logged and runs again at its next time.
 *
 * <p>Add the jobs with {@link #every} before the application starts (in the bean's constructor or factory method).
 */
public class LockedJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LockedJobs.class);

    private final String threadName;
    private final LockingTaskExecutor lock;
    private final List<Job> jobs = new ArrayList<>();
    private ScheduledExecutorService scheduler;

    /**
     * @param threadName the name of the jobs' thread, as it shows in logs and thread dumps
     * @param lock the starter's {@link LockingTaskExecutor} bean
     */
    public LockedJobs(String threadName, LockingTaskExecutor lock) {
        this.threadName = threadName;
        this.lock = lock;
    }

    /**
     * Runs {@code job} every {@code interval} (counted from the end of a run) under the lock {@code lockName}.
     *
     * @param lockAtMost how long a replica that dies in the middle of a run keeps the others from running it
     */
    public synchronized LockedJobs every(Duration interval, String lockName, Duration lockAtMost, Runnable job) {
        if (scheduler != null) {
            throw new IllegalStateException("Add the jobs before " + threadName + " starts");
        }
        jobs.add(new Job(interval, lockName, lockAtMost, job));
        return this;
    }

    /** Runs the job named {@code lockName} once now, on the caller's thread, under its lock (skipped if taken). */
    public void runNow(String lockName) {
        Job job = jobs.stream()
                .filter(candidate -> candidate.lockName().equals(lockName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No job " + lockName + " in " + threadName));
        runLocked(job);
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        for (Job job : jobs) {
            long every = job.interval().toMillis();
            scheduler.scheduleWithFixedDelay(() -> runSafely(job), every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void runSafely(Job job) {
        try {
            runLocked(job);
        } catch (RuntimeException e) {
            log.warn("{} failed, it runs again in {}: {}", job.lockName(), job.interval(), e.toString());
        }
    }

    /**
     * The job under its lock, with its thread's interrupt (a {@link #stop} during the run) set aside until the lock
     * is let go: ShedLock lets go with a write to the database on the same thread, which the MongoDB driver refuses
     * on an interrupted thread, and a lock not let go keeps every replica from the job until its {@code lockAtMost}
     * (a replica stopped in the middle of an outbox sweep kept the others from sweeping for 90 s). The interrupt is
     * restored once the lock is let go.
     */
    private void runLocked(Job job) {
        AtomicBoolean interrupted = new AtomicBoolean();
        try {
            lock.executeWithLock(
                    (Runnable) () -> {
                        try {
                            job.job().run();
                        } finally {
                            if (Thread.interrupted()) {
                                interrupted.set(true);
                            }
                        }
                    },
                    job.lockConfiguration());
        } finally {
            if (interrupted.get()) {
                Thread.currentThread().interrupt();
            }
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

    private record Job(Duration interval, String lockName, Duration lockAtMost, Runnable job) {
        LockConfiguration lockConfiguration() {
            return new LockConfiguration(Instant.now(), lockName, lockAtMost, Duration.ZERO);
        }
    }
}
