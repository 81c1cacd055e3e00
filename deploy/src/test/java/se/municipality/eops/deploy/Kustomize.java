package se.municipality.eops.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders an overlay of deploy/k8s with {@code kubectl kustomize}, as {@code kubectl apply -k} would. No
 * kubectl is a failure, not a skipped check: .ci/run installs it (Debian package kubectl).
 */
final class Kustomize {

    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {}

    static List<Map<String, Object>> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Kustomize::run);
    }

    private static List<Map<String, Object>> run(String overlay) {
        String dir = Repository.DEPLOY.resolve("k8s/overlays").resolve(overlay).toString();
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir).start();
        } catch (IOException e) {
            throw new AssertionError(
                    "kubectl is needed to check deploy/k8s (kubectl kustomize): install it (Debian: apt-get install"
                            + " kubectl; .ci/run does) and put it on the PATH. " + e.getMessage(),
                    e);
        }
        try {
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process, true));
            String out = readAll(process, false);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + errors.join());
            }
            return Repository.yamlDocuments(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String readAll(Process process, boolean errors) {
        try {
            return new String(
                    (errors ? process.getErrorStream() : process.getInputStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
