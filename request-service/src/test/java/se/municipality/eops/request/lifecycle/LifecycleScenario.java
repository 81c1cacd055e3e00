package se.municipality.eops.request.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.request.readmodel.CatalogueFixture;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.RawKafka;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives request-service as its users and the downstream services do: files requests over HTTP, publishes the
 * contract's sample events (aimed at a request) on their services' topics, reads requests back.
 */
public final class LifecycleScenario {

    private final int port;
    private final MongoTemplate mongo;
    private final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();
    private final PublishedEvents events = PublishedEvents.get();

    public LifecycleScenario(int port, MongoTemplate mongo) {
        this.port = port;
        this.mongo = mongo;
    }

    public static String newEService() {
        return """
                {"type":"PUBLICATION","publication":{"kind":"NEW_ESERVICE","eServiceId":"es-%s",
                 "eServiceName":"Ansökan om parkeringstillstånd","committee":"Stadsbyggnadsnämnden",
                 "orderer":"Parkeringsenheten","versionLabel":"1.0",
                 "checklist":[{"itemId":"accessibility","item":"Tillgänglighetsgranskad","done":true}],
                 "message":"Gärna före jul"}}
                """.formatted(suffix());
    }

    /** A new version of an e-service of its own (put into the catalogue when filed, see {@link #file}). */
    public static String newVersion() {
        return """
                {"type":"PUBLICATION","publication":{"kind":"NEW_VERSION","eServiceId":"es-%s",
                 "eServiceName":"Felanmälan gata och park","versionLabel":"3.3"}}
                """.formatted(suffix());
    }

    public static String testCasePurge(String eServiceId) {
        return """
                {"type":"PURGE","purge":{"kind":"TEST_CASES","eServiceId":"%s","eServiceName":"Skolskjuts"}}
                """.formatted(eServiceId);
    }

    public static String retentionPurge() {
        return retentionPurge("es-" + suffix());
    }

    public static String retentionPurge(String eServiceId) {
        return """
                {"type":"PURGE","purge":{"kind":"RETENTION","eServiceId":"%s","eServiceName":"Skolskjuts",
                 "committee":"Tekniska nämnden","purgeDecisionReference":"TN 2025/12"}}
                """.formatted(eServiceId);
    }

    public static String administratorGrant() {
        return administratorGrant("es-" + suffix());
    }

    public static String administratorGrant(String eServiceId) {
        return """
                {"type":"PERMISSION","permission":{"change":"GRANT","role":"ADMINISTRATOR","eServiceId":"%s",
                 "eServiceName":"Skolskjuts","person":{"userId":"erik","name":"Erik Ek","email":"erik.ek@kommun.example"}}}
                """.formatted(eServiceId);
    }

    public static String editorGrant() {
        return editorGrant("es-" + suffix());
    }

    public static String editorGrant(String eServiceId) {
        return """
                {"type":"PERMISSION","permission":{"change":"GRANT","role":"EDITOR","eServiceId":"%s",
                 "eServiceName":"Felanmälan","person":{"userId":"dina","name":"Dina Dahl","email":"dina.dahl@kommun.example"}}}
                """.formatted(eServiceId);
    }

    public static String handlerGroupGrant() {
        return handlerGroupGrant("es-" + suffix());
    }

    public static String handlerGroupGrant(String eServiceId) {
        return """
                {"type":"PERMISSION","permission":{"change":"GRANT","role":"CASE_HANDLER","eServiceId":"%s",
                 "eServiceName":"Felanmälan","group":{"name":"Gatuhandläggare","members":[
                   {"userId":"nils","name":"Nils Nord","email":"nils.nord@kommun.example"}]}}}
                """.formatted(eServiceId);
    }

    /**
     * Files a request as {@code user}; answers its id. A new version or a grant names an e-service the catalogue
     * must know (or the request is answered "not in the catalogue" at once), so that e-service is put there first.
     */
    public String file(String user, String body) {
        JsonNode request = EventJson.mapper().readTree(body);
        JsonNode asked = request.path("publication").path("kind").asString("").equals("NEW_VERSION")
                ? request.path("publication")
                : request.path("permission");
        if (asked.hasNonNull("eServiceId")) {
            CatalogueFixture.ensureRegistered(mongo, asked.get("eServiceId").asString());
        }
        HttpAnswer answer = call(user, HttpMethod.POST, "/api/requests", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    /**
     * Publishes {@code sample} on its service's topic as that service would, aimed at {@code requestId} and with
     * a fresh event id; answers the event as published (JSON), to publish again for a redelivery.
     */
    public ObjectNode publishFor(String requestId, DomainEvent sample) {
        ObjectNode event = (ObjectNode) EventJson.mapper().valueToTree(sample);
        event.put("requestId", requestId);
        event.put("eventId", UUID.randomUUID().toString());
        publish(sample, event);
        return event;
    }

    /**
     * Publishes an event exactly as given (again: a redelivery with the same event id); answers where it went, for
     * {@code ConsumerGroups.awaitConsumed}.
     */
    public RecordMetadata publish(DomainEvent sampleOfType, ObjectNode event) {
        return RawKafka.sendEvent(
                EventCatalog.of(sampleOfType.getClass()),
                sampleOfType.aggregateId(),
                event.get("eventId").asString(),
                event.toString(),
                "/eops/test");
    }

    public JsonNode read(String user, String requestId) {
        HttpAnswer answer = call(user, HttpMethod.GET, "/api/requests/" + requestId, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Waits until the request (read as its requester {@code user}) has {@code status}; answers it. */
    public JsonNode awaitStatus(String user, String requestId, String status) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> status.equals(read(user, requestId).get("status").asString()));
        return read(user, requestId);
    }

    /** Waits until the request's timeline has {@code entries} entries; answers it. */
    public JsonNode awaitTimeline(String user, String requestId, int entries) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> read(user, requestId).get("timeline").size() >= entries);
        return read(user, requestId);
    }

    public static List<String> statusesOf(JsonNode request) {
        return request.get("timeline")
                .valueStream()
                .map(entry -> entry.get("status").asString())
                .toList();
    }

    public static List<String> kindsOf(JsonNode request) {
        return request.get("timeline")
                .valueStream()
                .map(entry -> entry.get("kind").asString())
                .toList();
    }

    public CapturedEvent awaitRequestEvent(String type, String requestId, String containing) {
        return events.awaitOne(
                Topics.REQUEST_EVENTS,
                type,
                event -> requestId.equals(event.key()) && (containing == null || event.payloadContains(containing)));
    }

    public List<CapturedEvent> requestEvents(String type, String requestId) {
        return events.find(Topics.REQUEST_EVENTS, type, event -> requestId.equals(event.key()));
    }

    public HttpAnswer call(String user, HttpMethod method, String path, String body) {
        return TestHttp.at(port).call(method, path, user == null ? null : tokens.tokenFor(user), body);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
