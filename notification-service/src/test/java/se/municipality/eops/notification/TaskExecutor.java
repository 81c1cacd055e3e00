package se.municipality.eops.notification;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** An executor for unit tests that hands every task to the given action: run it at once, or keep it. */
public final class TaskExecutor extends AbstractExecutorService {

    private final Consumer<Runnable> action;

    public TaskExecutor(Consumer<Runnable> action) {
        this.action = action;
    }

    /** Runs what the sender threads would run at once, on the test's thread. */
    public static TaskExecutor direct() {
        return new TaskExecutor(Runnable::run);
    }

    @Override
    public void execute(Runnable command) {
        action.accept(command);
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
