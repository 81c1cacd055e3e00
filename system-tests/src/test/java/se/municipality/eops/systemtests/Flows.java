package se.municipality.eops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.platform.CaseSubmitted;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import tools.jackson.databind.JsonNode;

/**
 * What the flow tests share, all through public doors: filing and following requests over HTTP, the platform's
 * case events on Kafka, what is on the topics per aggregate. Public for the browser tests, which set up and cause
 * what their pages show the same way.
 */
public final class Flows {

    public static final Duration FLOW_STEP = Duration.ofSeconds(90);
    static final String REQUEST_EVENTS = "eops.request.events";
    public static final String PUBLICATION_EVENTS = "eops.publication.events";
    static final String PURGE_EVENTS = "eops.purge.events";
    static final String PERMISSION_EVENTS = "eops.permission.events";

    static final String ANNA = "anna.andersson@kommun.example";
    static final String CENTRAL_TEAM = "centrala-teamet@kommun.example";
    static final String REFERENCE_GROUP = "referensgruppen@kommun.example";
    static final String ARCHIVISTS = "arkivet@kommun.example";

    private final Suite suite;

    public Flows(Suite suite) {
        this.suite = suite;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- requests ---------------------------------------------------------------------------------------------

    /** Files a request as {@code user}; 201 expected; returns its id. */
    public String file(String user, String json) {
        HttpAnswer answer = suite.http(Service.REQUEST).post("/api/requests", suite.token(user), json);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    /**
     * Files once request-service's read models know what the request names (until then it answers 422, or 503
     * while catching up), as a client retrying would; 201 expected; returns the id.
     */
    public String fileWhenKnown(String user, String json) {
        HttpAnswer filed = await("request-service accepts the request")
                .atMost(FLOW_STEP)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> suite.http(Service.REQUEST).post("/api/requests", suite.token(user), json),
                        answer -> answer.status() != 422 && answer.status() != 503);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("id").asString();
    }

    public JsonNode request(String id, String user) {
        HttpAnswer answer = suite.http(Service.REQUEST).get("/api/requests/" + id, suite.token(user));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Waits until the request has the status, as its requester sees it; returns the request. */
    public JsonNode awaitStatus(String id, String user, String status) {
        return await(id + " " + status)
                .atMost(FLOW_STEP)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> request(id, user), request -> status.equals(text(request, "status")));
    }

    /** The statuses of the timeline's status-change entries, in order. */
    static List<String> statusSteps(JsonNode request) {
        List<String> steps = new ArrayList<>();
        for (JsonNode entry : request.get("timeline")) {
            if ("STATUS_CHANGED".equals(text(entry, "kind"))) {
                steps.add(text(entry, "status"));
            }
        }
        return steps;
    }

    /** The timeline entries as "STATUS by actor (cause)" lines, for assertions that say what is missing. */
    static List<String> timeline(JsonNode request) {
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : request.get("timeline")) {
            lines.add(text(entry, "kind") + " " + text(entry, "status") + " by " + text(entry, "actor") + " ("
                    + text(entry, "causeEventType") + ")");
        }
        return lines;
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    // ---- events -----------------------------------------------------------------------------------------------

    /** Every captured event of one aggregate (Kafka key) on a topic, in topic order. */
    List<CapturedEvent> eventsOf(String topic, String key) {
        return suite.events().find(topic, null, event -> key.equals(event.key()));
    }

    public static JsonNode json(CapturedEvent event) {
        return EventJson.mapper().readTree(event.payload());
    }

    List<String> typesOf(String topic, String key) {
        return eventsOf(topic, key).stream().map(CapturedEvent::type).toList();
    }

    public CapturedEvent awaitEvent(String topic, String type, Predicate<CapturedEvent> matching) {
        return suite.events().awaitOne(topic, type, matching, FLOW_STEP);
    }

    /** The request's events: RequestSubmitted first, then each status change in the timeline's order. */
    void assertRequestEventsInOrder(String requestId, List<String> statuses, String endEvent) {
        await(requestId + " events up to " + endEvent)
                .atMost(FLOW_STEP)
                .until(() -> typesOf(REQUEST_EVENTS, requestId).contains(endEvent));
        List<CapturedEvent> events = eventsOf(REQUEST_EVENTS, requestId);
        List<String> types = events.stream().map(CapturedEvent::type).toList();
        assertThat(types.get(0))
                .as("the first event of " + requestId + ": " + types)
                .isEqualTo("RequestSubmitted");
        List<String> changes = events.stream()
                .filter(event -> "RequestStatusChanged".equals(event.type()))
                .map(event -> EventJson.mapper()
                        .readTree(event.payload())
                        .get("toStatus")
                        .asString())
                .toList();
        assertThat(changes)
                .as("status changes of " + requestId + " on the topic")
                .isEqualTo(statuses);
        assertThat(types).as(requestId + " events").containsOnlyOnce(endEvent);
        assertThat(types.indexOf(endEvent)).isGreaterThan(types.indexOf("RequestSubmitted"));
    }

    // ---- the e-service platform -------------------------------------------------------------------------------

    /** A case as the platform reports it on {@code eops.platform.case-events}. */
    public void caseSubmitted(String caseId, String eServiceId, Instant submittedAt, boolean test) {
        publishAsPlatform(
                new CaseSubmitted(UUID.randomUUID(), caseId, Instant.now(), eServiceId, submittedAt, test, null));
    }

    void publishAsPlatform(DomainEvent event) {
        suite.sendEvent(
                EventCatalog.of(event.getClass()),
                event.aggregateId(),
                event.eventId().toString(),
                EventJson.write(event),
                "/platform/e-services");
    }

    /** purge-service's count of indexed cases (its Prometheus counter: no token, no other door needed). */
    public double casesIndexed() {
        HttpAnswer answer = suite.http(Service.PURGE).get("/actuator/prometheus", null);
        for (String line : answer.body().split("\n")) {
            if (line.startsWith("eops_purge_cases_indexed_total")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    /** Waits until purge-service has indexed {@code more} cases more than {@code before}. */
    public void awaitCasesIndexed(double before, int more) {
        await("purge-service indexed " + more + " more cases")
                .atMost(FLOW_STEP)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> casesIndexed() >= before + more);
    }

    // ---- catalogue --------------------------------------------------------------------------------------------

    /** Registers a running e-service in the catalogue (central team) and waits until request-service knows it. */
    public void registerPublishedEService(String eServiceId, String name, String versionLabel) {
        HttpAnswer answer = suite.http(Service.PUBLICATION)
                .post("/api/eservices", suite.token("cecilia"), """
                        {"eServiceId":"%s","name":"%s","committee":"Tekniska nämnden","orderer":"Gatuenheten",
                         "versionLabel":"%s"}""".formatted(eServiceId, name, versionLabel));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        awaitEvent(PUBLICATION_EVENTS, "EServiceRegistered", event -> eServiceId.equals(event.key()));
    }

    /**
     * The checklist in force is version 1 of the README (its four mandatory items and the optional one): published
     * by the central team unless it is in force already (the suite runs without demo data).
     */
    public void ensureChecklistVersion1() {
        HttpAnswer current = suite.http(Service.PUBLICATION).get("/api/checklist", suite.token("anna"));
        if (current.status() == 200 && current.body().contains("\"test-cases\"")) {
            return;
        }
        HttpAnswer published = suite.http(Service.PUBLICATION).post("/api/checklist", suite.token("cecilia"), """
                        {"items":[
                         {"id":"accessibility","text":"Tillgänglighetsgranskad","mandatory":true},
                         {"id":"information-text","text":"Informationstexten är granskad","mandatory":true},
                         {"id":"test-cases","text":"Testärenden är inskickade och kontrollerade","mandatory":true},
                         {"id":"contact","text":"Kontaktuppgifter under \\"Frågor om e-tjänsten\\" finns","mandatory":true},
                         {"id":"handlers","text":"Handläggare har behörighet","mandatory":false}]}""");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
    }

    public JsonNode eService(String eServiceId) {
        HttpAnswer answer = suite.http(Service.PUBLICATION).get("/api/eservices/" + eServiceId, suite.token("anna"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    // ---- mail -------------------------------------------------------------------------------------------------

    /** Exactly {@code count} mails to {@code address} whose subject contains every part (and stays so). */
    void assertMails(String address, int count, String... subjectParts) {
        suite.mail().awaitExactly(address, mail -> containsAll(MailServer.subject(mail), subjectParts), count);
    }

    private static boolean containsAll(String text, String... parts) {
        for (String part : parts) {
            if (!text.contains(part)) {
                return false;
            }
        }
        return true;
    }
}
