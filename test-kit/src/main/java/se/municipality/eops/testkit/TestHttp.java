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
        return spec.exchange((request, response) -> new HttpAnswer(
                response.getStatusCode().value(),
                HttpHeaders.readOnlyHttpHeaders(response.getHeaders()),
                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
