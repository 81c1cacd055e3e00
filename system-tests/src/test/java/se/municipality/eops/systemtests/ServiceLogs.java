package se.municipality.eops.systemtests;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For each test, the part of every process's log written while it ran: the offsets of every log are taken before
 * the test, and after it the bytes from there on are written to
 * {@code target/system-test-logs/<TestClass>/<test>/<process>.log} (always: it is cheap). A failed test prints
 * that folder's path.
 */
public final class ServiceLogs implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ServiceLogs.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Suite.get();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Suite.get().restartAnyStopped();
        Map<String, Long> offsets = new HashMap<>();
        Suite.get().logFiles().forEach((name, file) -> offsets.put(name, size(file)));
        context.getStore(NAMESPACE).put("offsets", offsets);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        Map<String, Long> offsets = context.getStore(NAMESPACE).get("offsets", Map.class);
        Path folder = folderOf(context);
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, Path> log : Suite.get().logFiles().entrySet()) {
                long from = offsets == null ? 0 : offsets.getOrDefault(log.getKey(), 0L);
                copyFrom(log.getValue(), from, folder.resolve(log.getKey() + ".log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.getExecutionException()
                .ifPresent(failure -> System.err.println("\n*** " + context.getDisplayName() + " failed; the logs of"
                        + " every process during this test: " + folder + "\n"));
    }

    /** {@code target/system-test-logs/<TestClass>/<test method>}. */
    public static Path folderOf(ExtensionContext context) {
        Path target = Paths.get(System.getProperty("eops.system-tests.dir", "target"));
        return target.resolve("system-test-logs")
                .resolve(context.getRequiredTestClass().getSimpleName())
                .resolve(context.getRequiredTestMethod().getName())
                .toAbsolutePath();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void copyFrom(Path log, long offset, Path to) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(log.toFile(), "r")) {
            long length = in.length();
            // A log that shrank was written anew: take it whole.
            long from = offset <= length ? offset : 0;
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, length - from)];
            in.seek(from);
            in.readFully(bytes);
            Files.write(to, bytes);
        }
    }
}
