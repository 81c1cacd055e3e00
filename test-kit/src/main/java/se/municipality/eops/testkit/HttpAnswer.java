package se.municipality.eops.testkit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP answer read whatever its status ({@code RestClient} would throw on 4xx otherwise). */
public record HttpAnswer(int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }

    public MediaType contentType() {
        return headers.getContentType();
    }

    public boolean isProblem() {
        return contentType() != null && contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    public String header(String name) {
        return headers.getFirst(name);
    }
}
