package se.municipality.eops.testkit;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Calls a service under test as a client would, with or without a bearer token. */
public final class TestHttp {

    private final RestClient client;

    private TestHttp(int port) {
        this.client = RestClient.create("http://localhost:" + port);
    }

    public static TestHttp at(int port) {
        return new TestHttp(port);
    }

    public HttpAnswer get(String path, String bearerToken) {
        return call(HttpMethod.GET, path, bearerToken, null);
    }

    public HttpAnswer post(String path, String bearerToken, String jsonBody) {
        return call(HttpMethod.POST, path, bearerToken, jsonBody);
    }

    public HttpAnswer call(HttpMethod method, String path, String bearerToken, String jsonBody) {
        return call(method, path, bearerToken, jsonBody, null);
    }

    public HttpAnswer call(HttpMethod method, String path, String bearerToken, String jsonBody, String idempotencyKey) {
        RestClient.RequestBodySpec spec = client.method(method).uri(path);
        if (idempotencyKey != null) {
            spec.header("Idempotency-Key", idempotencyKey);
        }
        if (bearerToken != null) {
            spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
        }
        if (jsonBody != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        }
        return answer(spec);
    }

    /**
     * Sends {@code body} exactly as given, with its length declared: any bytes (not valid UTF-8, not
     * JSON) under any content type ({@code null}: no {@code Content-Type} header).
     */
    public HttpAnswer send(HttpMethod method, String path, String bearerToken, MediaType contentType, byte[] body) {
        RestClient.RequestBodySpec spec = request(method, path, bearerToken, contentType);
        spec.body(body);
        return answer(spec);
    }

    /**
     * Sends {@code body} as a chunked stream without a {@code Content-Length}, as a client that does
     * not know the size in advance does.
     */
    public HttpAnswer sendChunked(
            HttpMethod method, String path, String bearerToken, MediaType contentType, byte[] body) {
        RestClient.RequestBodySpec spec = request(method, path, bearerToken, contentType);
        spec.body(output -> {
            for (int offset = 0; offset < body.length; offset += 8192) {
                output.write(body, offset, Math.min(8192, body.length - offset));
                output.flush();
            }
        });
        return answer(spec);
    }

    private RestClient.RequestBodySpec request(
            HttpMethod method, String path, String bearerToken, MediaType contentType) {
        RestClient.RequestBodySpec spec = client.method(method).uri(path);
        if (bearerToken != null) {
            spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
        }
        if (contentType != null) {
            spec.contentType(contentType);
        }
        return spec;
    }

    private static HttpAnswer answer(RestClient.RequestBodySpec spec) {
        return spec.exchange((request, response) -> new HttpAnswer(
                response.getStatusCode().value(),
                HttpHeaders.readOnlyHttpHeaders(response.getHeaders()),
                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
