package se.municipality.eops.publication.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.contract.request.PublicationRequest;
import se.municipality.eops.contract.request.PublicationRequest.ChecklistItem;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.contract.samples.RequestSubmittedMother;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.starter.messaging.IdempotentConsumer;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.RawKafka;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

/**
 * Drives the publication flow from the outside as the other services would: requests on request-service's
 * topic, permission events on permission-service's, and HTTP calls with the test issuer's tokens; waits on
 * what publication-service publishes.
 */
public final class PublicationScenario {

    /** The checklist the tests publish: two mandatory items, one optional. */
    public static final String ACCESSIBILITY = "accessibility";

    public static final String ACCESSIBILITY_TEXT = "Tillgänglighetsgranskad";
    public static final String TEST_CASES = "test-cases";
    public static final String TEST_CASES_TEXT = "Testärenden inskickade";
    public static final String HANDLERS = "handlers";

    private final TestHttp http;
    private final MongoTemplate mongo;
    private final PublishedEvents events = PublishedEvents.get();

    public PublicationScenario(int port, MongoTemplate mongo) {
        this.http = TestHttp.at(port);
        this.mongo = mongo;
    }

    public TestHttp http() {
        return http;
    }

    public static String token(String user) {
        return SharedInfrastructure.get().tokens().tokenFor(user);
    }

    /** A reviewer of its own for one test, so tests do not share votes or delegations. */
    public static Reviewer newReviewer(String name) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new Reviewer(
                id,
                SharedInfrastructure.get()
                        .tokens()
                        .tokenFor(id, name, id + "@kommun.example", List.of("REFERENCE_GROUP")));
    }

    public record Reviewer(String id, String token) {}

    /** Publishes the test checklist as the central team; it judges every request filed from now on. */
    public int publishTestChecklist() {
        HttpAnswer answer = http.post("/api/checklist", token("cecilia"), """
                {"items":[
                  {"id":"accessibility","text":"Tillgänglighetsgranskad","mandatory":true},
                  {"id":"test-cases","text":"Testärenden inskickade","mandatory":true},
                  {"id":"handlers","text":"Handläggare har behörighet","mandatory":false}]}
                """);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("version").asInt();
    }

    public static String newEServiceId() {
        return "es-it-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A brand-new e-service's request that confirms every mandatory item of the test checklist by id. */
    public static RequestSubmitted completeNewEService(String eServiceId) {
        return newEService(
                eServiceId,
                List.of(
                        new ChecklistItem(ACCESSIBILITY_TEXT, true, ACCESSIBILITY),
                        new ChecklistItem(TEST_CASES_TEXT, true, TEST_CASES)));
    }

    public static RequestSubmitted newEService(String eServiceId, List<ChecklistItem> checklist) {
        RequestSubmitted sample = RequestSubmittedMother.newEServicePublication();
        return new RequestSubmitted(
                UUID.randomUUID(),
                "REQ-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase(),
                Instant.now(),
                RequestType.PUBLICATION,
                sample.requester(),
                new PublicationRequest(
                        PublicationRequest.PublicationKind.NEW_ESERVICE,
                        eServiceId,
                        "Provtjänst " + eServiceId,
                        "1.0",
                        "Kommunstyrelsen",
                        "Digitaliseringsenheten",
                        checklist,
                        null),
                null,
                null);
    }

    public static RequestSubmitted newVersion(String eServiceId, String label) {
        RequestSubmitted sample = RequestSubmittedMother.newVersionPublication();
        return new RequestSubmitted(
                UUID.randomUUID(),
                "REQ-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase(),
                Instant.now(),
                RequestType.PUBLICATION,
                sample.requester(),
                new PublicationRequest(
                        PublicationRequest.PublicationKind.NEW_VERSION,
                        eServiceId,
                        null,
                        label,
                        null,
                        null,
                        null,
                        null),
                null,
                null);
    }

    /** The same request filed again under a new event id (request-service published it twice). */
    public static RequestSubmitted againWithAnotherEventId(RequestSubmitted submitted) {
        return new RequestSubmitted(
                UUID.randomUUID(),
                submitted.requestId(),
                submitted.occurredAt(),
                submitted.requestType(),
                submitted.requester(),
                submitted.publication(),
                submitted.purge(),
                submitted.permission());
    }

    /** request-service's event when the requester withdraws the request (as its contract shapes it). */
    public static RequestWithdrawn withdrawal(RequestSubmitted submitted) {
        return new RequestWithdrawn(
                UUID.randomUUID(),
                submitted.requestId(),
                Instant.now(),
                submitted.requester(),
                submitted.requestType(),
                submitted.publication() == null ? null : submitted.publication().eServiceId(),
                submitted.requester().userId(),
                "Vi väntar till nästa år");
    }

    /**
     * request-service's event when the request is rejected: by the central team member {@code cecilia} for {@code
     * REJECTED_BY_TEAM}, otherwise by this service (as its contract shapes it).
     */
    public static RequestRejected rejection(RequestSubmitted submitted, RequestRejected.ReasonCode reasonCode) {
        boolean byTeam = reasonCode == RequestRejected.ReasonCode.REJECTED_BY_TEAM;
        return new RequestRejected(
                UUID.randomUUID(),
                submitted.requestId(),
                Instant.now(),
                submitted.requester(),
                submitted.requestType(),
                submitted.publication() == null ? null : submitted.publication().eServiceId(),
                submitted.publication() == null ? null : submitted.publication().eServiceName(),
                byTeam ? "cecilia" : "publication-service",
                reasonCode,
                byTeam ? "Beställningen saknar beslut i nämnden" : "Refused by publication-service",
                null);
    }

    /** Publishes an event on its topic as its service would: JSON value, CloudEvents headers, key. */
    public static void publish(DomainEvent event) {
        var type = EventCatalog.of(event.getClass());
        RawKafka.sendEvent(type, event.aggregateId(), event.eventId().toString(), EventJson.write(event), "/eops/test");
    }

    /** Waits until a publication event of the type about the request (or review, or e-service) is out. */
    public <E> E awaitPublicationEvent(Class<E> type, String mentioning) {
        CapturedEvent captured = events.awaitOne(
                Topics.PUBLICATION_EVENTS,
                type.getSimpleName(),
                event -> event.payloadContains("\"" + mentioning + "\""));
        return EventJson.read(captured.payload().getBytes(StandardCharsets.UTF_8), type);
    }

    public List<CapturedEvent> publicationEvents(String type, String mentioning) {
        return events.find(Topics.PUBLICATION_EVENTS, type, event -> event.payloadContains("\"" + mentioning + "\""));
    }

    /** Waits until the consumer has finished with the event (the starter recorded it as applied). */
    public void awaitApplied(String consumer, UUID eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.exists(
                        Query.query(Criteria.where("_id").is(consumer + ":" + eventId)),
                        IdempotentConsumer.COLLECTION));
    }

    /** The stored version of the e-service's document: it changes with every write, events or not. */
    public long storedVersion(String eServiceId) {
        org.bson.Document document = mongo.findById(eServiceId, org.bson.Document.class, "eservices");
        assertThat(document).as(eServiceId).isNotNull();
        return ((Number) document.get("version")).longValue();
    }

    public HttpAnswer decide(String reviewId, Reviewer reviewer, String decision, String comment, String onBehalfOf) {
        StringBuilder body =
                new StringBuilder("{\"decision\":\"").append(decision).append('"');
        if (comment != null) {
            body.append(",\"comment\":\"").append(comment).append('"');
        }
        if (onBehalfOf != null) {
            body.append(",\"onBehalfOf\":\"").append(onBehalfOf).append('"');
        }
        body.append('}');
        return http.post("/api/reviews/" + reviewId + "/decisions", reviewer.token(), body.toString());
    }

    /** Files a complete brand-new e-service and waits for its review to open; answers the review id. */
    public String openReview(String eServiceId) {
        RequestSubmitted request = completeNewEService(eServiceId);
        publish(request);
        return awaitPublicationEvent(
                        se.municipality.eops.contract.publication.ReviewRequested.class, request.requestId())
                .reviewId();
    }

    public HttpAnswer register(String eServiceId, String name) {
        return http.post("/api/eservices", token("cecilia"), """
                {"eServiceId":"%s","name":"%s","committee":"Tekniska nämnden","orderer":"Gatuenheten",
                 "contact":"gata@kommun.example","versionLabel":"1.0",
                 "basicInfo":{"informationText":"Anmäl fel.","searchKeywords":["felanmälan"],"requirements":"Inga"}}
                """.formatted(eServiceId, name));
    }
}
