package se.municipality.eops.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process the suite started, by pid: killed at JVM exit by a shutdown hook (also when tests failed), and
 * written to a pid file so that the next run kills what a JVM killed without its hooks (a build timeout) left
 * behind. Only these pids are ever killed, never processes found by name.
 */
final class StartedProcesses {

    private static final Map<Long, ProcessHandle> STARTED = new ConcurrentHashMap<>();
    private static volatile Path pidFile;

    private StartedProcesses() {}

    /** Kills what the pid file of an earlier run names and is still alive, then starts a fresh pid file. */
    static synchronized void begin(Path file, String commandLineMarker) {
        pidFile = file;
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] parts = line.trim().split(" ", 3);
                    if (parts.length < 2) {
                        continue;
                    }
                    ProcessHandle.of(Long.parseLong(parts[0]))
                            .filter(ProcessHandle::isAlive)
                            // A pid may have been reused by an unrelated process since: only ours, by command line.
                            .filter(handle -> handle.info()
                                    .commandLine()
                                    .map(line2 -> line2.contains(commandLineMarker))
                                    .orElse(false))
                            .ifPresent(ProcessHandle::destroyForcibly);
                }
            } catch (IOException | NumberFormatException e) {
                // a damaged pid file only means nothing to clean up from it
            }
        }
        write("", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        Runtime.getRuntime().addShutdownHook(new Thread(StartedProcesses::killAll, "system-tests-kill-processes"));
    }

    static void record(ProcessHandle handle, String name) {
        STARTED.put(handle.pid(), handle);
        write(handle.pid() + " " + name + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** SIGKILL to every started process still alive, and waits for them; the data is thrown away anyway. */
    static void killAll() {
        List<ProcessHandle> alive =
                STARTED.values().stream().filter(ProcessHandle::isAlive).toList();
        alive.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : alive) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // best effort at JVM exit
            }
        }
        Path file = pidFile;
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // best effort at JVM exit
            }
        }
    }

    private static void write(String text, StandardOpenOption... options) {
        Path file = pidFile;
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
