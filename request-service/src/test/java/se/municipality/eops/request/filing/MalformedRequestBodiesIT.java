package se.municipality.eops.request.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import se.municipality.eops.request.readmodel.CatalogueFixture;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.JsonNodeType;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends request bodies that are wrong in every way a client, a bug or an attacker can make them
 * wrong, generated from the valid samples: every JSON path with every wrong JSON type, null at every
 * path and in every list, unknown enum values, and bodies that are not JSON at all. Each answer must
 * be a 4xx problem that names the field where one is to blame, and must not give away how the
 * service is built: no Java type or package, no library's wording about itself, no stack frame.
 */
@ServiceIntegrationTest
class MalformedRequestBodiesIT {

    /** Keeps {@code 1e400} a number when read and written back (a double would become "Infinity"). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final Set<String> ENUM_FIELDS = Set.of("type", "kind", "change", "role");
    private static final List<String> LEAKS = List.of(
            "se.municipality",
            "java.",
            "javax.",
            "jakarta.",
            "tools.jackson",
            "com.fasterxml",
            "springframework",
            "Exception",
            "`",
            "FileRequestBody",
            "PublicationRequest",
            "PurgeRequest",
            "PermissionRequest",
            "ChecklistItem",
            "HandlerGroup",
            "ArrayList",
            "LinkedHashMap",
            "JsonToken",
            "StreamRead",
            "DeserializationFeature",
            "MapperFeature",
            "Coercion");
    private static final Pattern STACK_FRAME = Pattern.compile("at [\\w$.]+\\(");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void theCatalogueHoldsTheEServicesTheSamplesName() {
        CatalogueFixture.ensureRegistered(mongo, RequestBodies.CATALOGUED_E_SERVICE);
    }

    private final String token = SharedInfrastructure.get().tokens().tokenFor("anna");
    private TestHttp http;

    /** One client (and its connections) for the thousand requests. */
    private TestHttp http() {
        if (http == null) {
            http = TestHttp.at(port);
        }
        return http;
    }

    @TestFactory
    Stream<DynamicTest> aWrongJsonTypeAtAnyPathIsABadRequestNamingThatPath() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode sample : samples()) {
            for (Place place : placesIn(sample)) {
                for (JsonNode wrong : wrongValuesFor(place.value())) {
                    JsonNode body = place.replacedBy(sample, wrong);
                    tests.add(DynamicTest.dynamicTest(
                            place.field() + " = " + abbreviate(wrong.toString()),
                            () -> assertBadRequestNaming(place.field(), postJson(body.toString()))));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> nullAnywhereIsFiledOrABadRequestNamingThatPath() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode sample : samples()) {
            for (Place place : placesIn(sample)) {
                if (place.isRoot()) {
                    continue;
                }
                JsonNode body = place.replacedBy(sample, JSON.nullNode());
                tests.add(DynamicTest.dynamicTest(place.field() + " = null", () -> {
                    HttpAnswer answer = postJson(body.toString());
                    // Optional fields may be null (absent); anything else is refused, naming it or,
                    // for a rule about its siblings too (a person or a group), the object holding it.
                    // Filed before with this field absent: then it is the same request again (409).
                    if (answer.status() != 201 && !isTheSameOpenRequestAgain(answer)) {
                        assertClientError(answer, 400);
                        assertThat(answer.json().get("errors").findValuesAsString("field"))
                                .as(answer.body())
                                .singleElement()
                                .satisfies(named -> assertThat(place.field()).startsWith(named));
                    }
                }));
                if (place.value().isArray()) {
                    ArrayNode withNull = ((ArrayNode) place.value().deepCopy()).addNull();
                    String element = place.field() + "[" + (withNull.size() - 1) + "]";
                    JsonNode longer = place.replacedBy(sample, withNull);
                    tests.add(DynamicTest.dynamicTest(
                            element + " = null", () -> assertBadRequestNaming(element, postJson(longer.toString()))));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> anUnknownEnumValueIsABadRequestNamingThatPath() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode sample : samples()) {
            for (Place place : placesIn(sample)) {
                if (!ENUM_FIELDS.contains(place.name())) {
                    continue;
                }
                for (String unknown :
                        List.of("NOPE", "", " ", place.value().asString().toLowerCase(), "0")) {
                    JsonNode body =
                            place.replacedBy(sample, JSON.getNodeFactory().stringNode(unknown));
                    tests.add(DynamicTest.dynamicTest(
                            place.field() + " = \"" + unknown + "\"",
                            () -> assertBadRequestNaming(place.field(), postJson(body.toString()))));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aBodyThatIsNotTheJsonObjectAskedForIsABadRequest() {
        String sample = RequestBodies.json(RequestBodies.newEServicePublication());
        List<DynamicTest> tests = new ArrayList<>();
        Consumer<String> refused = json ->
                tests.add(DynamicTest.dynamicTest(abbreviate(json), () -> assertClientError(postJson(json), 400)));
        for (String notAnObject : List.of("", " ", "null", "[]", "[{}]", "42", "\"PUBLICATION\"", "true", "{}")) {
            refused.accept(notAnObject);
        }
        for (String trailing : List.of(" x", "{}", ",", "]", "}", " null", "\u0000", "//")) {
            refused.accept(sample + trailing);
        }
        for (int end = 1; end < sample.length(); end += 3) {
            refused.accept(sample.substring(0, end));
        }
        for (String notJson : List.of(
                "{'type':'PURGE'}",
                "{type:\"PURGE\"}",
                "{\"type\":\"PURGE\",}",
                "{\"type\":NaN}",
                "{\"type\":\"PURGE\" /* comment */}",
                "{\"type\":\"PU\u0001RGE\"}",
                "{\"type\":\"\\x41\"}",
                "{\"type\":\"\\uZZZZ\"}",
                // Valid JSON escapes, but half a character: no UTF-8 can carry it on to Kafka.
                "{\"type\":\"PURGE\",\"purge\":{\"kind\":\"TEST_CASES\",\"eServiceId\":\"es-1\",\"eServiceName\":\"P\\ud800\"}}",
                "{\"type\":\"PURGE\",\"purge\":{\"kind\":\"TEST_CASES\",\"eServiceId\":\"es-1\",\"eServiceName\":\"P\\udc00x\"}}")) {
            refused.accept(notJson);
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aBodyBeyondTheParsersLimitsIsABadRequest() {
        String purge = "{\"type\":\"PURGE\",\"purge\":{\"kind\":\"TEST_CASES\",\"eServiceId\":\"es-1\","
                + "\"eServiceName\":\"Parkering\",";
        List<String> bodies = List.of(
                "[".repeat(10_000) + "]".repeat(10_000),
                "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
                purge + "\"message\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}}",
                purge + "\"unknown\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}}",
                purge + "\"unknown\":" + "9".repeat(10_000) + "}}",
                purge + "\"message\":1e999999999}}",
                purge + "\"unknown\":-0." + "0".repeat(5_000) + "1}}",
                purge + "\"message\":" + "1".repeat(1_000) + "}}",
                "{\"type\":" + "9".repeat(100) + "}",
                "{\"type\":1e400}",
                purge + "\"message\":\"" + "x".repeat(70_000) + "\"}}",
                purge + "\"" + "k".repeat(1_000) + "\":1}}");
        return bodies.stream()
                .map(body -> DynamicTest.dynamicTest(abbreviate(body), () -> assertClientError(postJson(body), 400)));
    }

    @TestFactory
    Stream<DynamicTest> bytesThatAreNotUtf8AreABadRequest() {
        List<byte[]> broken = List.of(
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xC3},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        List<DynamicTest> tests = new ArrayList<>();
        for (byte[] bytes : broken) {
            String name = java.util.HexFormat.ofDelimiter(" ").formatHex(bytes);
            tests.add(DynamicTest.dynamicTest(
                    "in a string: " + name,
                    () -> assertClientError(
                            postBytes(concat(
                                    "{\"type\":\"PURGE\",\"purge\":{\"kind\":\"TEST_CASES\",\"eServiceId\":\"es-1\",\"eServiceName\":\"P",
                                    bytes,
                                    "\"}}")),
                            400)));
            tests.add(DynamicTest.dynamicTest(
                    "between tokens: " + name,
                    () -> assertClientError(postBytes(concat("{\"type\":", bytes, "\"PURGE\"}")), 400)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aBodyOfAnotherMediaTypeIsUnsupported() {
        byte[] sample = RequestBodies.json(RequestBodies.testCasePurge()).getBytes(StandardCharsets.UTF_8);
        List<MediaType> others = List.of(
                MediaType.TEXT_PLAIN,
                MediaType.APPLICATION_XML,
                MediaType.APPLICATION_FORM_URLENCODED,
                MediaType.parseMediaType("multipart/form-data; boundary=x"),
                MediaType.APPLICATION_OCTET_STREAM,
                MediaType.parseMediaType("application/x-yaml"));
        List<DynamicTest> tests = new ArrayList<>();
        for (MediaType other : others) {
            tests.add(DynamicTest.dynamicTest(
                    other.toString(),
                    () -> assertClientError(http().send(HttpMethod.POST, "/api/requests", token, other, sample), 415)));
        }
        tests.add(DynamicTest.dynamicTest(
                "no content type",
                () -> assertClientError(http().send(HttpMethod.POST, "/api/requests", token, null, sample), 415)));
        return tests.stream();
    }

    // --- what every answer must be

    private static boolean isTheSameOpenRequestAgain(HttpAnswer answer) {
        return answer.status() == 409
                && "OPEN_REQUEST_EXISTS"
                        .equals(answer.json().at("/found/0/kind").asString());
    }

    private static void assertBadRequestNaming(String field, HttpAnswer answer) {
        assertClientError(answer, 400);
        assertThat(answer.json().get("errors").findValuesAsString("field"))
                .as(answer.body())
                .containsExactly(field);
    }

    private static void assertClientError(HttpAnswer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.isProblem())
                .as("problem details: " + answer.contentType())
                .isTrue();
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        for (String leak : LEAKS) {
            assertThat(answer.body()).as("gives away '" + leak + "'").doesNotContain(leak);
        }
        assertThat(answer.body()).doesNotContainPattern(STACK_FRAME);
    }

    // --- the bodies

    private HttpAnswer postJson(String body) {
        return postBytes(body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpAnswer postBytes(byte[] body) {
        return http().send(HttpMethod.POST, "/api/requests", token, MediaType.APPLICATION_JSON, body);
    }

    private static List<JsonNode> samples() {
        return RequestBodies.everyKind().stream()
                .map(body -> JSON.readTree(RequestBodies.json(body)))
                .toList();
    }

    /** Values of every JSON type but the one at the place (and null, which has its own test). */
    private static List<JsonNode> wrongValuesFor(JsonNode value) {
        List<String> candidates = new ArrayList<>();
        if (!value.isString()) {
            candidates.addAll(List.of("\"text\"", "\"\""));
        }
        if (!value.isBoolean()) {
            candidates.add("true");
        }
        candidates.addAll(List.of("0", "-1.5", "1e400", "123456789012345678901234567890"));
        if (!value.isArray()) {
            candidates.addAll(List.of("[]", "[null]"));
        }
        if (!value.isObject()) {
            candidates.addAll(List.of("{}", "{\"x\":1}"));
        }
        return candidates.stream().map(JSON::readTree).toList();
    }

    /** A place in a body: where a value sits, and the field name the API uses for it. */
    private record Place(List<Object> steps, String field, JsonNode value) {

        boolean isRoot() {
            return steps.isEmpty();
        }

        String name() {
            return steps.isEmpty() || !(steps.get(steps.size() - 1) instanceof String name) ? "" : name;
        }

        JsonNode replacedBy(JsonNode sample, JsonNode replacement) {
            if (isRoot()) {
                return replacement;
            }
            JsonNode copy = sample.deepCopy();
            JsonNode parent = copy;
            for (Object step : steps.subList(0, steps.size() - 1)) {
                parent = step instanceof String name ? parent.get(name) : parent.get((Integer) step);
            }
            Object last = steps.get(steps.size() - 1);
            if (last instanceof String name) {
                ((ObjectNode) parent).set(name, replacement);
            } else {
                ((ArrayNode) parent).set((Integer) last, replacement);
            }
            return copy;
        }
    }

    private static List<Place> placesIn(JsonNode sample) {
        List<Place> places = new ArrayList<>();
        collect(sample, List.of(), "body", places);
        return places;
    }

    private static void collect(JsonNode node, List<Object> steps, String field, List<Place> places) {
        places.add(new Place(steps, field, node));
        if (node.getNodeType() == JsonNodeType.OBJECT) {
            for (var property : node.properties()) {
                List<Object> next = new ArrayList<>(steps);
                next.add(property.getKey());
                String name = steps.isEmpty() ? property.getKey() : field + "." + property.getKey();
                collect(property.getValue(), next, name, places);
            }
        } else if (node instanceof ContainerNode<?> && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> next = new ArrayList<>(steps);
                next.add(i);
                collect(node.get(i), next, field + "[" + i + "]", places);
            }
        }
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(middle);
        bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static String abbreviate(String text) {
        String printable = text.isBlank() ? "«" + text.length() + " blanks»" : text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "… (" + text.length() + " chars)";
    }
}
