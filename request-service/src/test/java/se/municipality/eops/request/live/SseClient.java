package se.municipality.eops.request.live;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Server-Sent Events client as a browser's EventSource is one: reads frames, remembers the last event id. */
final class SseClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One event as received; {@code receivedAtNanos} when its last line was read. */
    record Event(String id, String name, String data, long receivedAtNanos) {

        JsonNode json() {
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

    /** Opens a stream; {@code lastEventId} may be null. */
    static SseClient open(int port, String path, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
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
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    String errorBody() {
        return errorBody;
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    List<Event> statusEvents() {
        return events.stream().filter(event -> "status".equals(event.name())).toList();
    }

    List<String> comments() {
        return List.copyOf(comments);
    }

    /** The ids of the status events, in the order they came. */
    List<String> statusIds() {
        return statusEvents().stream().map(Event::id).toList();
    }

    String lastEventId() {
        List<Event> all = statusEvents();
        return all.isEmpty() ? null : all.get(all.size() - 1).id();
    }

    Event awaitStatus(Predicate<Event> matching) {
        return awaitStatus(matching, Duration.ofSeconds(10));
    }

    Event awaitStatus(Predicate<Event> matching, Duration atMost) {
        return await().atMost(atMost)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> statusEvents().stream().filter(matching).findFirst(), found -> found.isPresent())
                .orElseThrow();
    }

    static Predicate<Event> withStatus(String requestId, String status) {
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

    static List<String> ids(String... ids) {
        return new ArrayList<>(List.of(ids));
    }
}
