package se.municipality.eops.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process the suite started: its command, environment and log file (appended to across restarts, so a
 * test's log offsets stay valid). Every start is recorded in {@link StartedProcesses} so that nothing outlives the
 * test JVM.
 */
final class OsProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private volatile Process process;

    OsProcess(String name, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
        StartedProcesses.record(process.toHandle(), name);
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hooks, no graceful shutdown. Waits until it is gone. */
    synchronized void kill9() {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
            waitGone(running, 30);
        }
    }

    /** SIGTERM, then SIGKILL if it is still there after {@code graceSeconds}. Waits until it is gone. */
    synchronized void stop(int graceSeconds) {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroy();
            if (!waitGone(running, graceSeconds)) {
                running.destroyForcibly();
                waitGone(running, 30);
            }
        }
    }

    private static boolean waitGone(Process running, int seconds) {
        try {
            return running.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isAlive() {
        Process running = process;
        return running != null && running.isAlive();
    }

    long pid() {
        Process running = process;
        return running == null ? -1 : running.pid();
    }

    /** The exit code of the last run, or null while it runs (or never ran). */
    Integer exitCode() {
        Process running = process;
        return running == null || running.isAlive() ? null : running.exitValue();
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }
}
