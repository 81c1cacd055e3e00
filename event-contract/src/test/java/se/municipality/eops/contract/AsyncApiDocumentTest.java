package se.municipality.eops.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.municipality.eops.contract.samples.ContractJson;
import se.municipality.eops.contract.schema.EventSchemaValidator;

class AsyncApiDocumentTest {

    private final Map<String, Object> asyncApi = ContractResources.asyncApi();

    static List<EventType> catalogue() {
        return EventCatalog.all();
    }

    @Test
    void isAnAsyncApi3DocumentWithTheLocalBroker() {
        assertThat(asyncApi.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(map(map(asyncApi, "servers"), "local"))
                .containsEntry("host", "localhost:9092")
                .containsEntry("protocol", "kafka");
    }

    @Test
    void hasAChannelForEveryTopic() {
        List<Object> addresses = channels().values().stream()
                .map(channel -> (Object) ((Map<?, ?>) channel).get("address"))
                .toList();

        assertThat(addresses).containsAll(ContractResources.topics());
    }

    @Test
    void documentsTheDeadLetterTopicConvention() {
        assertThat(channels().values())
                .anySatisfy(channel ->
                        assertThat(((Map<?, ?>) channel).get("address")).isEqualTo("error.{topic}.{group}"));
        assertThat(map(map(map(asyncApi, "components"), "schemas"), "DeadLetterHeaders")
                        .toString())
                .contains(
                        "x-exception-message",
                        "x-exception-fqcn",
                        "x-original-topic",
                        "x-original-partition",
                        "x-original-offset");
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void messagePayloadReferencesTheSchemaFileOfTheEventType(EventType type) {
        Map<String, Object> payload = map(message(type), "payload");
        String ref = (String) map(payload, "schema").get("$ref");

        assertThat(payload.get("schemaFormat")).isEqualTo("application/schema+json;version=draft-2020-12");
        assertThat("contract/" + ref.substring("./".length())).isEqualTo(type.schemaResource());
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void messageHeadersPinTheTypeAndSchemaOfTheEvent(EventType type) {
        String headers = map(message(type), "headers").toString();

        assertThat(headers)
                .contains("#/components/schemas/CloudEventHeaders")
                .contains("ce_type={const=" + type.name() + "}")
                .contains("ce_dataschema={const=" + type.dataSchemaUri() + "}")
                .contains("ce_schemaversion={const=" + type.schemaVersion() + "}");
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void messageIsOnTheChannelOfItsTopicAndSomeoneSendsIt(EventType type) {
        String channelId = channels().entrySet().stream()
                .filter(channel -> type.topic().equals(((Map<?, ?>) channel.getValue()).get("address")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        String messageRef = "#/channels/" + channelId + "/messages/" + type.name();

        assertThat(map(map(channels(), channelId), "messages")).containsKey(type.name());
        assertThat(map(asyncApi, "operations").values())
                .anySatisfy(operation -> assertThat(operation.toString())
                        .contains("action=send")
                        .contains("channel={$ref=#/channels/" + channelId + "}")
                        .contains(messageRef));
    }

    @Test
    void notificationServiceIsAKnownReceiverOfRequestSubmitted() {
        assertThat(map(asyncApi, "operations").values())
                .anySatisfy(operation -> assertThat(operation.toString())
                        .contains("action=receive")
                        .contains("#/channels/requestEvents/messages/RequestSubmitted")
                        .contains("notification-service"));
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void examplesAreValidEvents(EventType type) {
        List<?> examples = (List<?>) message(type).get("examples");
        assertThat(examples).isNotEmpty();

        for (Object example : examples) {
            Map<String, Object> exampleMap = cast(example);
            EventSchemaValidator.load()
                    .assertValid(type.name(), ContractJson.MAPPER.writeValueAsString(exampleMap.get("payload")));
            assertThat(map(exampleMap, "headers"))
                    .containsEntry(CloudEventHeaders.TYPE, type.name())
                    .containsEntry(CloudEventHeaders.DATA_SCHEMA, type.dataSchemaUri());
        }
    }

    @Test
    void everyLocalReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(asyncApi, refs);

        assertThat(refs).isNotEmpty();
        refs.stream()
                .filter(ref -> ref.startsWith("#/"))
                .forEach(ref -> assertThat(resolve(ref)).as(ref).isNotNull());
    }

    private Map<String, Object> message(EventType type) {
        return map(map(map(asyncApi, "components"), "messages"), type.name());
    }

    private Map<String, Object> channels() {
        return map(asyncApi, "channels");
    }

    private Object resolve(String ref) {
        Object node = asyncApi;
        for (String segment : ref.substring(2).split("/")) {
            if (!(node instanceof Map<?, ?> object)) {
                return null;
            }
            node = object.get(segment.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> object) {
            object.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add((String) value);
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, refs));
        }
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        assertThat(child).as(key).isInstanceOf(Map.class);
        return cast(child);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object object) {
        return (Map<String, Object>) object;
    }
}
