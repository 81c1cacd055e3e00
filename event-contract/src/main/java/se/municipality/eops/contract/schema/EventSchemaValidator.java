package se.municipality.eops.contract.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.EventType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates event payloads (the JSON value of a Kafka record) against the JSON Schema of their
 * event type in the {@link EventCatalog}. Meant for tests that capture events from Kafka, and for
 * consumers that want to check what they receive; thread-safe, so one instance serves everyone.
 *
 * <p>Formats ({@code uuid}, {@code date-time}, {@code email}) are asserted, not just annotated: a
 * producer that writes a malformed id or timestamp is caught here rather than by a consumer. An
 * {@code email} is checked for mailbox syntax only (see {@link MailboxFormat}), so test data may use
 * reserved domains such as {@code example.org} or {@code municipality.test}.
 */
public final class EventSchemaValidator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAYLOAD_SHOWN_IN_FAILURES = 2_000;
    private static final String ROOT = "$";

    private static volatile EventSchemaValidator shared;

    private final Map<String, Loaded> schemasByEventType;

    private EventSchemaValidator(Map<String, Loaded> schemasByEventType) {
        this.schemasByEventType = schemasByEventType;
    }

    /**
     * The validator for every event type in the catalogue; the schemas are read from the classpath
     * on the first call and shared afterwards.
     *
     * @throws IllegalStateException if a catalogue type has no schema, an unreadable one, or one
     *     whose {@code $id} is not its {@link EventType#dataSchemaUri()}
     */
    public static EventSchemaValidator load() {
        EventSchemaValidator validator = shared;
        if (validator == null) {
            synchronized (EventSchemaValidator.class) {
                validator = shared;
                if (validator == null) {
                    validator = loadCatalogueSchemas();
                    shared = validator;
                }
            }
        }
        return validator;
    }

    /** The event type names this validator knows, i.e. the catalogue's. */
    public Set<String> eventTypeNames() {
        return schemasByEventType.keySet();
    }

    /**
     * What is wrong with {@code json} as a payload of the event type named {@code eventTypeName}
     * (the {@code ce_type} header); empty when it is valid. Each violation names the place in the
     * payload, e.g. {@code $.requester: required property 'email' not found}. An unknown event type
     * and a payload that is not JSON are violations too.
     */
    public List<String> violations(String eventTypeName, String json) {
        return check(eventTypeName, json).stream().map(Violation::toString).toList();
    }

    /**
     * Like {@link #violations(String, String)}, with each violation's place given apart from what is
     * wrong there, so a producer can name the field to its caller.
     */
    public List<Violation> check(String eventTypeName, String json) {
        Loaded loaded = eventTypeName == null ? null : schemasByEventType.get(eventTypeName);
        if (loaded == null) {
            return List.of(new Violation(
                    null,
                    "unknown event type '" + eventTypeName + "': not in the event catalogue "
                            + schemasByEventType.keySet()));
        }
        if (json == null) {
            return List.of(new Violation(ROOT, "payload is missing (null)"));
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(json);
        } catch (JacksonException e) {
            return List.of(new Violation(ROOT, "not valid JSON: " + e.getOriginalMessage()));
        }
        if (payload == null || payload.isMissingNode()) {
            return List.of(new Violation(ROOT, "payload is empty"));
        }
        return loaded.schema().validate(payload).stream()
                .map(EventSchemaValidator::describe)
                .toList();
    }

    /**
     * One thing wrong with a payload.
     *
     * @param location the JSON path of the value that is wrong, e.g. {@code $.permission.person.email};
     *     for a missing required property the path it should have had ({@code $.requester.email});
     *     {@code null} when the event type itself is unknown
     * @param message what is wrong there, e.g. {@code does not match the email pattern ...}
     */
    public record Violation(String location, String message) {

        @Override
        public String toString() {
            return location == null ? message : location + ": " + message;
        }
    }

    /**
     * Fails with every violation listed when {@code json} is not a valid payload of the event type
     * named {@code eventTypeName}.
     *
     * @throws AssertionError naming the event type, its schema, the violations and the payload
     */
    public void assertValid(String eventTypeName, String json) {
        List<String> violations = violations(eventTypeName, json);
        if (violations.isEmpty()) {
            return;
        }
        Loaded loaded = schemasByEventType.get(eventTypeName);
        String schema = loaded == null ? "no schema" : loaded.type().dataSchemaUri();
        throw new AssertionError(eventTypeName + " payload violates " + schema + ":"
                + violations.stream().map(violation -> "\n  - " + violation).collect(Collectors.joining())
                + "\npayload: " + abbreviate(json));
    }

    private static Violation describe(Error error) {
        String location = String.valueOf(error.getInstanceLocation());
        String message = error.getMessage();
        if (message.startsWith(location + ": ")) {
            message = message.substring(location.length() + 2);
        }
        // A missing property is reported at its parent; the caller wants to know which one is missing.
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            location = location + "." + error.getProperty();
        }
        return new Violation(location, message);
    }

    private static String abbreviate(String json) {
        if (json == null || json.length() <= PAYLOAD_SHOWN_IN_FAILURES) {
            return json;
        }
        return json.substring(0, PAYLOAD_SHOWN_IN_FAILURES) + "... (" + json.length() + " characters)";
    }

    private static EventSchemaValidator loadCatalogueSchemas() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                // Violations are read by engineers and land in test reports; keep them in one language.
                .locale(Locale.ENGLISH)
                .pathType(PathType.JSON_PATH)
                .build();
        Dialect draft202012 = Dialect.builder(Dialects.getDraft202012())
                .format(new MailboxFormat())
                .build();
        SchemaRegistry registry =
                SchemaRegistry.withDefaultDialect(draft202012, builder -> builder.schemaRegistryConfig(config));
        Map<String, Loaded> schemas = new LinkedHashMap<>();
        for (EventType type : EventCatalog.all()) {
            JsonNode schemaNode = readSchema(type);
            String id = schemaNode.path("$id").asString("");
            if (!type.dataSchemaUri().equals(id)) {
                throw new IllegalStateException(
                        type.schemaResource() + " has $id '" + id + "', expected '" + type.dataSchemaUri() + "'");
            }
            Schema schema = registry.getSchema(SchemaLocation.of(type.dataSchemaUri()), schemaNode);
            // Resolve references now, so a broken schema fails at load and not in the middle of a test.
            schema.initializeValidators();
            schemas.put(type.name(), new Loaded(type, schema));
        }
        return new EventSchemaValidator(Collections.unmodifiableMap(schemas));
    }

    private static JsonNode readSchema(EventType type) {
        ClassLoader classLoader = EventSchemaValidator.class.getClassLoader();
        try (InputStream in = classLoader.getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException(
                        "No JSON Schema for " + type.name() + " on the classpath at " + type.schemaResource());
            }
            return JSON.readTree(in);
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("Cannot read the JSON Schema " + type.schemaResource(), e);
        }
    }

    private record Loaded(EventType type, Schema schema) {}
}
