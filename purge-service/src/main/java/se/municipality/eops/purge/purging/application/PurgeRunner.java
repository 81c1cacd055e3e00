package se.municipality.eops.purge.purging.application;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.PurgeStatus;
import se.municipality.eops.purge.purging.domain.Purges;

/**
 * Runs purges one at a time on a thread of its own, so approving a plan or consuming an event never waits for the
 * deletion. At start it resumes every purge a previous process left executing (a crash, a kill -9).
 */
public class PurgeRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PurgeRunner.class);

    private final PurgeExecution execution;
    private final Purges purges;
    private ExecutorService executor;

    public PurgeRunner(PurgeExecution execution, Purges purges) {
        this.execution = execution;
        this.purges = purges;
    }

    public synchronized void submit(String purgeId) {
        if (executor == null) {
            return; // not started (or stopping): the next start resumes it
        }
        executor.submit(() -> {
            try {
                execution.run(purgeId);
            } catch (RuntimeException e) {
                log.warn("Purge {} stopped ({}); it is resumed later", purgeId, e.toString());
            }
        });
    }

    /** Resumes every purge that is executing: at start, and from the maintenance job. */
    public void resumeAll() {
        purges.withStatus(PurgeStatus.EXECUTING).stream().map(Purge::id).forEach(this::submit);
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "purge-execution");
            thread.setDaemon(true);
            return thread;
        });
        resumeAll();
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
