package se.municipality.eops.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Files single requests outside Gatling, for the steps that must know each request's id and send time. */
final class Intake {

    private static final Pattern REQUEST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI requests;
    private final String token;

    Intake(Suite suite, String token) {
        this.requests = URI.create(suite.requestServiceUrl() + "/api/requests");
        this.token = token;
    }

    /** Files one request; completes with its id, or exceptionally when it was not filed (201). */
    CompletableFuture<String> file() {
        String body = IntakeSimulation.nextBody();
        HttpRequest request = HttpRequest.newBuilder(requests)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST /api/requests answered " + response.statusCode());
            }
            return requestId(response.body());
        });
    }

    static String requestId(String json) {
        Matcher matcher = REQUEST_ID.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No request id in " + json);
        }
        return matcher.group(1);
    }
}
