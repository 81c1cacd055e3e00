package se.municipality.eops.testkit;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Server-Sent Events client as a browser's {@code EventSource} is one: {@link #open} returns once the status and
 * headers are in, then a thread of its own reads the frames while the test goes on. A stream the service refused
 * (401, 403, 404, 429, ...) has its answer read into {@link #errorBody()} and is closed at once.
 */
public final class SseClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One event as received; {@code receivedAtNanos} when its last line was read. */
    public record Event(String id, String name, String data, long receivedAtNanos) {

        public JsonNode json() {
            return JSON.readTree(data);
        }
    }

    private final int status;
    private final String contentType;
    private final String errorBody;
    private final InputStream body;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();

    private SseClient(HttpResponse<InputStream> response) throws IOException {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.body = response.body();
        if (status != 200) {
            this.errorBody = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            return;
        }
        this.errorBody = null;
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a stream of a service on this machine; {@code token} and {@code lastEventId} may be null. */
    public static SseClient open(int port, String path, String token, String lastEventId) {
        return open("http://localhost:" + port, path, token, lastEventId);
    }

    /** Opens {@code baseUrl + path}; {@code token} and {@code lastEventId} may be null. */
    public static SseClient open(String baseUrl, String path, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/event-stream")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open " + baseUrl + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening " + baseUrl + path, e);
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString(), System.nanoTime()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n'))
                            .append(line.substring(5).strip());
                }
            }
        } catch (IOException closed) {
            // closed by the test, or the server ended the stream
        }
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** 200 as {@code text/event-stream}: the service streams to this client. */
    public boolean isOpen() {
        return status == 200 && contentType.startsWith("text/event-stream");
    }

    /** The answer of a refused stream (problem details), else null. */
    public String errorBody() {
        return errorBody;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<Event> statusEvents() {
        return events.stream().filter(event -> "status".equals(event.name())).toList();
    }

    /** The comment lines received ({@code :heartbeat} as {@code heartbeat}). */
    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** The ids of the status events, in the order they came. */
    public List<String> statusIds() {
        return statusEvents().stream().map(Event::id).toList();
    }

    public String lastEventId() {
        List<Event> all = statusEvents();
        return all.isEmpty() ? null : all.get(all.size() - 1).id();
    }

    public Event awaitStatus(Predicate<Event> matching) {
        return awaitStatus(matching, Duration.ofSeconds(10));
    }

    public Event awaitStatus(Predicate<Event> matching, Duration atMost) {
        return await().atMost(atMost)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> statusEvents().stream().filter(matching).findFirst(), found -> found.isPresent())
                .orElseThrow();
    }

    /** Any event (a status or a notice such as {@code RequestCommented}) about the request. */
    public boolean receivedAbout(String requestId) {
        return events.stream().anyMatch(event -> event.data().contains("\"" + requestId + "\""));
    }

    public static Predicate<Event> withStatus(String requestId, String status) {
        return event -> requestId.equals(event.json().get("requestId").asString())
                && status.equals(event.json().get("status").asString());
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
