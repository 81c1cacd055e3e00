package se.municipality.eops.portal.services;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a service's error answer: problem details with {@code errors[]} (field, message, and code and params when
 * given) and {@code step}.
 */
final class ProblemDetailsReader {

    private final JsonMapper json;

    ProblemDetailsReader(JsonMapper json) {
        this.json = json;
    }

    ServiceProblem read(String service, int status, InputStream body) throws IOException {
        JsonNode problem;
        try {
            problem = json.readTree(body.readAllBytes());
        } catch (JacksonException notJson) {
            return new ServiceProblem(service, status, null, null, null, List.of());
        }
        if (problem == null || !problem.isObject()) {
            return new ServiceProblem(service, status, null, null, null, List.of());
        }
        List<ServiceProblem.FieldProblem> fields = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            String field = text(error, "field");
            if (field != null) {
                fields.add(new ServiceProblem.FieldProblem(
                        field, text(error, "message"), text(error, "code"), params(error.path("params"))));
            }
        }
        return new ServiceProblem(
                service, status, text(problem, "title"), text(problem, "detail"), text(problem, "step"), fields);
    }

    /** The values of an error's {@code params} as texts; a list is joined with commas. */
    private static Map<String, String> params(JsonNode params) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!params.isObject()) {
            return values;
        }
        for (String name : params.propertyNames()) {
            JsonNode value = params.get(name);
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asString()));
                values.put(name, String.join(", ", items));
            } else if (value.isValueNode() && !value.isNull()) {
                values.put(name, value.asString());
            }
        }
        return values;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }
}
