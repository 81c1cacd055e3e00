package se.municipality.eops.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** Where the running suite is, as ./run.sh bench passes it in the environment (run.sh's own variables). */
record Suite(
        Path results,
        Path workFolder,
        String kafkaBootstrap,
        String mongoUri,
        String requestServiceUrl,
        String trivialAppUrl,
        String issuerUrl,
        String mailViewerUrl) {

    static Suite fromEnvironment() {
        return new Suite(
                Path.of(required("BENCH_RESULTS")),
                Path.of(required("BENCH_WORK_DIR")),
                "localhost:" + required("EOPS_KAFKA_PORT"),
                "mongodb://localhost:" + required("EOPS_MONGO_PORT"),
                "http://localhost:" + required("REQUEST_SERVICE_PORT"),
                "http://localhost:" + required("BENCH_TRIVIAL_PORT"),
                "http://localhost:" + required("EOPS_ISSUER_PORT"),
                "http://localhost:" + required("EOPS_MAIL_UI_PORT"));
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set; run the benchmark with ./run.sh bench");
        }
        return value;
    }

    void record(String name, Object value) {
        Results.append(results, name, value);
    }

    /** A demo token of the suite's own issuer, as `./run.sh token anna` prints it. */
    String token(String user) {
        return get(issuerUrl + "/token?user=" + user).trim();
    }

    static String get(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
