package se.municipality.eops.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The five services' HTTP side as the portal's page tests need it: a real HTTP server (one per test JVM) that
 * answers the calls a test sets up ({@code answer("GET", "/api/requests", 200, json)}) and records every call with
 * its Authorization header, so tests see the token relay and the problem details on the wire. Calls nobody set up
 * answer 404 with problem details, as the services do.
 */
public final class FakeServices {

    public static final FakeServices INSTANCE = new FakeServices();

    /** A call the portal made. */
    public record Call(
            String method,
            String path,
            String query,
            String authorization,
            String body,
            Map<String, List<String>> headers) {}

    /** What to answer: status, content type and body. */
    public record Answer(int status, String contentType, String body) {}

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private FakeServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-services");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void reset() {
        answers.clear();
        calls.clear();
    }

    public void answer(String method, String path, int status, String json) {
        answers.put(method + " " + path, new Answer(status, "application/json", json));
    }

    public void answerProblem(String method, String path, int status, String problemJson) {
        answers.put(method + " " + path, new Answer(status, "application/problem+json", problemJson));
    }

    public void answerStream(String method, String path, String eventStream) {
        answers.put(method + " " + path, new Answer(200, "text/event-stream", eventStream));
    }

    public List<Call> calls(String method, String path) {
        return calls.stream()
                .filter(call -> call.method().equals(method) && call.path().equals(path))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(
                method,
                path,
                exchange.getRequestURI().getQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                body,
                Map.copyOf(exchange.getRequestHeaders())));
        Answer answer = answers.getOrDefault(
                method + " " + path,
                new Answer(
                        404,
                        "application/problem+json",
                        "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"nothing at " + path + "\"}"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
