package se.municipality.eops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.TraceParent;

/**
 * One trace through three services' processes: a request filed at request-service with a W3C {@code traceparent}
 * (as a gateway or the portal's instrumentation sends it) raises {@code RequestSubmitted} through the outbox; the
 * record carries the trace on Kafka, and notification-service and purge-service, each consuming it in its own
 * process, log the request's trace id on their line for that event.
 */
@SystemTest
class TracesAcrossServicesIT {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final Suite suite = Suite.get();

    @Test
    void theConsumersInOtherServicesLogTheTraceIdOfTheRequestThatCausedTheEvent() throws Exception {
        TraceParent caller = TraceParent.sampled();
        String traceId = caller.traceId();
        String eService = "es-t-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> filed = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(suite.baseUrl(Service.REQUEST) + "/api/requests"))
                                .header("Authorization", "Bearer " + suite.token("anna"))
                                .header("Content-Type", "application/json")
                                .header(TraceParent.HEADER, caller.header())
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"type":"PURGE","purge":{"kind":"TEST_CASES","eServiceId":"%s","eServiceName":"Spårtjänst"}}
                                        """.formatted(eService)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        Matcher id = ID.matcher(filed.body());
        assertThat(id.find()).as(filed.body()).isTrue();
        String requestId = id.group(1);

        CapturedEvent submitted = suite.events()
                .awaitOne(
                        "eops.request.events",
                        "RequestSubmitted",
                        event -> requestId.equals(event.key()),
                        Duration.ofSeconds(60));
        assertThat(submitted.header("traceparent"))
                .as("the record's traceparent header")
                .contains(traceId);

        assertThat(awaitLine(Service.NOTIFICATION, requestId)).contains(traceId);
        assertThat(awaitLine(Service.PURGE, requestId)).contains(traceId);
    }

    /** The service's log line for the RequestSubmitted of that request (the starter's DEBUG line per handled event). */
    private String awaitLine(Service service, String requestId) {
        return await(service + " handles the RequestSubmitted of " + requestId)
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            try {
                                return Files.readAllLines(suite.service(service).log(), StandardCharsets.UTF_8).stream()
                                        .filter(line -> line.contains(" handles RequestSubmitted ")
                                                && line.contains("(key " + requestId + ")"))
                                        .findFirst();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        },
                        Optional::isPresent)
                .orElseThrow();
    }
}
