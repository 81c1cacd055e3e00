package se.municipality.eops.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.municipality.eops.contract.samples.ContractJson;
import se.municipality.eops.contract.samples.EventSamples;
import tools.jackson.databind.JsonNode;

class EventSchemaFilesTest {

    static List<EventType> catalogue() {
        return EventCatalog.all();
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void everyCatalogueTypeHasADraft202012SchemaOnTheClasspath(EventType type) {
        JsonNode schema = ContractResources.schemaOf(type);

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("type").asString()).isEqualTo("object");
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void schemaIdIsTheDataSchemaUriOfItsEvents(EventType type) {
        assertThat(ContractResources.schemaOf(type).path("$id").asString()).isEqualTo(type.dataSchemaUri());
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void schemaIsTitledWithTheEventTypeAndDescribed(EventType type) {
        JsonNode schema = ContractResources.schemaOf(type);

        assertThat(schema.path("title").asString()).isEqualTo(type.name());
        assertThat(schema.path("description").asString()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void schemaRequiresEventIdAggregateIdAndOccurredAt(EventType type) {
        Set<String> required = names(ContractResources.schemaOf(type).path("required"));

        assertThat(required).contains("eventId", "occurredAt", aggregateIdField(type));
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void schemaDescribesEveryFieldOfTheRecord(EventType type) {
        Set<String> properties = propertyNames(ContractResources.schemaOf(type).path("properties"));

        assertThat(properties).containsAll(recordComponents(type));
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void schemaNeverForbidsUnknownPropertiesSoReadersStayTolerant(EventType type) {
        List<String> closedObjects = new ArrayList<>();
        collectClosedObjects(ContractResources.schemaOf(type), "#", closedObjects);

        assertThat(closedObjects).isEmpty();
    }

    @Test
    void everySchemaFileBelongsToACatalogueType() throws Exception {
        var directory = java.nio.file.Path.of(
                getClass().getClassLoader().getResource("contract/schemas").toURI());
        try (var files = java.nio.file.Files.list(directory)) {
            Set<String> onDisk =
                    files.map(path -> "contract/schemas/" + path.getFileName()).collect(Collectors.toSet());

            assertThat(onDisk)
                    .containsExactlyInAnyOrderElementsOf(EventCatalog.all().stream()
                            .map(EventType::schemaResource)
                            .toList());
        }
    }

    /** The record component that holds the aggregate id, found from a sample of the event. */
    private static String aggregateIdField(EventType type) {
        DomainEvent sample = EventSamples.anyOf(type);
        JsonNode json = ContractJson.tree(sample);
        return recordComponents(type).stream()
                .filter(name -> !name.equals("eventId")
                        && sample.aggregateId().equals(json.path(name).asString(null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type.name() + " has no field holding its aggregate id"));
    }

    private static List<String> recordComponents(EventType type) {
        return java.util.Arrays.stream(type.recordType().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)
                .toList();
    }

    private static void collectClosedObjects(JsonNode node, String path, List<String> closed) {
        if (node.isObject()) {
            JsonNode additional = node.get("additionalProperties");
            if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                closed.add(path);
            }
            JsonNode unevaluated = node.get("unevaluatedProperties");
            if (unevaluated != null && unevaluated.isBoolean() && !unevaluated.asBoolean()) {
                closed.add(path);
            }
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                collectClosedObjects(child.getValue(), path + "/" + child.getKey(), closed);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectClosedObjects(node.get(i), path + "/" + i, closed);
            }
        }
    }

    private static Set<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .collect(Collectors.toSet());
    }

    private static Set<String> propertyNames(JsonNode object) {
        return object.propertyNames().stream().collect(Collectors.toSet());
    }
}
