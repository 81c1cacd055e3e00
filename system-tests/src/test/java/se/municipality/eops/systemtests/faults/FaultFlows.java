package se.municipality.eops.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.http.HttpMethod;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.EventCatalog;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.systemtests.MailServer;
import se.municipality.eops.systemtests.Service;
import se.municipality.eops.systemtests.Suite;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steps of the flows the fault tests keep in progress, through the suite's public doors only (HTTP with the
 * demo users' tokens, the platform's inbound topic, the topics the services publish on, the SMTP server), and the
 * checks that a flow ended once: its status and timeline, one publication, one purge and one mail of each kind.
 */
final class FaultFlows {

    static final String ANNA = "anna.andersson@kommun.example";
    static final String CENTRAL_TEAM = "centrala-teamet@kommun.example";
    static final String REFERENCE_GROUP = "referensgruppen@kommun.example";
    static final String ARCHIVISTS = "arkivet@kommun.example";
    static final Duration FLOW = Duration.ofSeconds(150);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLATFORM = "/e-service-platform";

    private final Suite suite;
    private volatile ConsumerGroups groups;

    FaultFlows(Suite suite) {
        this.suite = suite;
    }

    /** The consumer groups, through Kafka's admin API (made on first use, closed with the JVM). */
    ConsumerGroups groups() {
        if (groups == null) {
            synchronized (this) {
                if (groups == null) {
                    groups = new ConsumerGroups(suite.kafkaBootstrap());
                }
            }
        }
        return groups;
    }

    /** Waits until purge-service has read every case the platform reported so far into its index. */
    void awaitCasesIndexed() {
        groups().awaitRead("purge-service", Topics.PLATFORM_CASE_EVENTS, FLOW);
    }

    /** Runs the actions at once (each on a thread of its own) and waits for all of them; the first failure fails. */
    static void inParallel(List<Runnable> actions) {
        java.util.concurrent.ExecutorService threads =
                java.util.concurrent.Executors.newFixedThreadPool(actions.size());
        try {
            java.util.concurrent.CompletableFuture.allOf(actions.stream()
                            .map(action -> java.util.concurrent.CompletableFuture.runAsync(action, threads))
                            .toArray(java.util.concurrent.CompletableFuture[]::new))
                    .join();
        } finally {
            threads.shutdownNow();
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- request-service -----------------------------------------------------------------------------------

    /** Anna files a brand-new e-service with every checklist item done; the answer as it came. */
    HttpAnswer fileNewEServiceAnswer(String eServiceId) {
        return suite.http(Service.REQUEST).post("/api/requests", suite.token("anna"), """
                        {"type":"PUBLICATION","publication":{"kind":"NEW_ESERVICE","eServiceId":"%1$s",
                         "eServiceName":"E-tjänst %1$s","committee":"Stadsbyggnadsnämnden",
                         "orderer":"Parkeringsenheten","versionLabel":"1.0","checklist":[
                         {"itemId":"accessibility","item":"Tillgänglighetsgranskad","done":true},
                         {"itemId":"information-text","item":"Informationstexten är granskad","done":true},
                         {"itemId":"test-cases","item":"Testärenden är inskickade och kontrollerade","done":true},
                         {"itemId":"contact","item":"Kontaktuppgifter under \\"Frågor om e-tjänsten\\" finns","done":true}]}}
                        """.formatted(eServiceId));
    }

    String fileNewEService(String eServiceId) {
        return created(fileNewEServiceAnswer(eServiceId));
    }

    String fileNewVersion(String eServiceId, String label) {
        return created(suite.http(Service.REQUEST)
                .post("/api/requests", suite.token("anna"), """
                        {"type":"PUBLICATION","publication":{"kind":"NEW_VERSION","eServiceId":"%1$s",
                         "eServiceName":"E-tjänst %1$s","versionLabel":"%2$s"}}
                        """.formatted(eServiceId, label)));
    }

    /** Anna asks for administrator (or another role's) permission for a person of the test's own. */
    HttpAnswer filePermissionAnswer(String role, String eServiceId, String personId) {
        return suite.http(Service.REQUEST)
                .post("/api/requests", suite.token("anna"), """
                        {"type":"PERMISSION","permission":{"change":"GRANT","role":"%2$s","eServiceId":"%1$s",
                         "eServiceName":"E-tjänst %1$s",
                         "person":{"userId":"%3$s","name":"Person %3$s","email":"%3$s@kommun.example"}}}
                        """.formatted(eServiceId, role, personId));
    }

    String fileAdministratorGrant(String eServiceId, String personId) {
        return created(filePermissionAnswer("ADMINISTRATOR", eServiceId, personId));
    }

    /** Editor permission for a demo user (who can then sign in and edit). */
    String fileEditorGrant(String eServiceId, String userId) {
        return created(filePermissionAnswer("EDITOR", eServiceId, userId));
    }

    String fileTestCasePurge(String eServiceId) {
        return created(
                suite.http(Service.REQUEST).post("/api/requests", suite.token("anna"), """
                        {"type":"PURGE","purge":{"kind":"TEST_CASES","eServiceId":"%1$s",
                         "eServiceName":"E-tjänst %1$s"}}
                        """.formatted(eServiceId)));
    }

    private static String created(HttpAnswer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    JsonNode request(String requestId) {
        return read(Service.REQUEST, "/api/requests/" + requestId, "anna");
    }

    JsonNode awaitStatus(String requestId, String status) {
        return awaitStatus(requestId, () -> request(requestId), status);
    }

    /** A resource read as the user, expecting 200. */
    private JsonNode read(Service service, String path, String user) {
        HttpAnswer answer = suite.http(service).get(path, suite.token(user));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Reads the resource until its {@code status} is the one awaited, and returns it. */
    private static JsonNode awaitStatus(String what, java.util.concurrent.Callable<JsonNode> read, String status) {
        return await(what + " " + status)
                .atMost(FLOW)
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(read, resource -> status.equals(resource.get("status").asString()));
    }

    /** The statuses the timeline's status entries name, in order (the filing first). */
    static List<String> statusesOnTimeline(JsonNode request) {
        List<String> statuses = new ArrayList<>();
        request.get("timeline").forEach(entry -> {
            if ("STATUS_CHANGED".equals(entry.path("kind").asString())) {
                statuses.add(entry.get("status").asString());
            }
        });
        return statuses;
    }

    /** Every timeline entry's kind, to show that no late or repeated event added one. */
    static List<String> kindsOnTimeline(JsonNode request) {
        List<String> kinds = new ArrayList<>();
        request.get("timeline").forEach(entry -> kinds.add(entry.path("kind").asString()));
        return kinds;
    }

    // ---- publication-service -------------------------------------------------------------------------------

    /** The review publication-service opened for the request (from its ReviewRequested). */
    String awaitReviewId(String requestId) {
        CapturedEvent requested = suite.events()
                .awaitOne(
                        Topics.PUBLICATION_EVENTS,
                        "ReviewRequested",
                        event -> requestId.equals(field(event, "requestId")),
                        FLOW);
        return field(requested, "reviewId");
    }

    /** The reference group's quorum (Rolf and Rut) approves. */
    void approveReview(String reviewId) {
        for (String reviewer : List.of("rolf", "rut")) {
            HttpAnswer answer = suite.http(Service.PUBLICATION)
                    .post(
                            "/api/reviews/" + reviewId + "/decisions",
                            suite.token(reviewer),
                            "{\"decision\":\"APPROVE\",\"comment\":\"Ser bra ut\"}");
            assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
        }
    }

    // ---- the platform's inbound topic ----------------------------------------------------------------------

    /**
     * The platform reports {@code count} submitted cases of the e-service, submitted {@code age} ago (test cases
     * or real ones); one producer for all of them. Returns their ids.
     */
    List<String> submitCases(String eServiceId, String prefix, int count, boolean test, Duration age) {
        List<String> ids = new ArrayList<>();
        Instant submittedAt = Instant.now().minus(age).truncatedTo(ChronoUnit.SECONDS);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < count; i++) {
                String caseId = eServiceId + "-" + prefix + "-" + i;
                String eventId = UUID.randomUUID().toString();
                String json = """
                        {"eventId":"%s","caseId":"%s","occurredAt":"%s","eServiceId":"%s","submittedAt":"%s","test":%s}
                        """.formatted(eventId, caseId, Instant.now(), eServiceId, submittedAt, test)
                        .strip();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                        Topics.PLATFORM_CASE_EVENTS, caseId, json.getBytes(StandardCharsets.UTF_8));
                Map<String, String> headers = Map.of(
                        CloudEventHeaders.TYPE,
                        EventCatalog.CASE_SUBMITTED.name(),
                        CloudEventHeaders.ID,
                        eventId,
                        CloudEventHeaders.SOURCE,
                        PLATFORM,
                        CloudEventHeaders.SUBJECT,
                        caseId,
                        CloudEventHeaders.SPEC_VERSION,
                        CloudEventHeaders.SPEC_VERSION_VALUE,
                        CloudEventHeaders.CONTENT_TYPE,
                        CloudEventHeaders.JSON);
                headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
                ids.add(caseId);
            }
            producer.flush();
        }
        return ids;
    }

    // ---- permission-service --------------------------------------------------------------------------------

    void recordTraining(String personId) {
        HttpAnswer answer =
                suite.http(Service.PERMISSION).post("/api/trainings", suite.token("cecilia"), """
                        {"userId":"%1$s","name":"Person %1$s","email":"%1$s@kommun.example","completedOn":"2026-11-27",
                         "course":"E-tjänsteadministratör grundkurs"}
                        """.formatted(personId));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    boolean administrator(String personId, String eServiceId) {
        HttpAnswer answer = suite.http(Service.PERMISSION)
                .get(
                        "/api/permissions/check?personId=" + personId + "&role=ADMINISTRATOR&eServiceId=" + eServiceId,
                        suite.token("anna"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("allowed").asBoolean();
    }

    // ---- purge-service -------------------------------------------------------------------------------------

    /** A retention rule of the e-service: cases are due two years after submission. */
    String createRetentionRule(String eServiceId) {
        String ruleId = "rule-" + eServiceId;
        HttpAnswer answer = suite.http(Service.PURGE)
                .post("/api/retention-rules", suite.token("arvid"), """
                        {"ruleId":"%s","eServiceId":"%s","committee":"Stadsbyggnadsnämnden","planRowReference":"4.2",
                         "decisionReference":"SBN 2024/118","decisionDate":"2024-05-21","retentionPeriod":"P2Y",
                         "clockStart":"SUBMITTED","active":true}
                        """.formatted(ruleId, eServiceId));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("ruleId").asString(ruleId);
    }

    void holdCase(String caseId) {
        HttpAnswer answer = suite.http(Service.PURGE)
                .post(
                        "/api/legal-holds",
                        suite.token("arvid"),
                        "{\"caseId\":\"" + caseId + "\",\"reason\":\"Överklagat\"}");
        assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
    }

    /** Arvid makes a plan of the rule; its id. */
    String createPlan(String ruleId) {
        HttpAnswer answer = suite.http(Service.PURGE)
                .post("/api/purges/plans", suite.token("arvid"), "{\"ruleId\":\"" + ruleId + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("purgeId").asString();
    }

    /** Astrid, the second archivist, approves it (through the given replica); the purge starts executing. */
    void approvePlan(String planId, se.municipality.eops.systemtests.ServiceProcess replica) {
        HttpAnswer answer = replica.http()
                .call(HttpMethod.POST, "/api/purges/" + planId + "/approval", suite.token("astrid"), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    JsonNode purge(String purgeId) {
        return read(Service.PURGE, "/api/purges/" + purgeId, "arvid");
    }

    JsonNode awaitPurgeStatus(String purgeId, String status) {
        return awaitStatus(purgeId, () -> purge(purgeId), status);
    }

    /** The whole purge log. */
    JsonNode purgeLog() {
        return read(Service.PURGE, "/api/purge-log", "arvid");
    }

    /** The purge log's entries of one purge. */
    List<JsonNode> purgeLogEntries(String purgeId) {
        List<JsonNode> entries = new ArrayList<>();
        purgeLog().forEach(entry -> {
            if (purgeId.equals(entry.path("purgeId").asString())) {
                entries.add(entry);
            }
        });
        return entries;
    }

    // ---- events --------------------------------------------------------------------------------------------

    static String field(CapturedEvent event, String name) {
        JsonNode value = payload(event).get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    static JsonNode payload(CapturedEvent event) {
        return JSON.readTree(event.payload());
    }

    /** The events of a type on a topic matching, once each: a re-sent event (same id) counts once. */
    List<CapturedEvent> distinct(String topic, String type, Predicate<CapturedEvent> matching) {
        Map<String, CapturedEvent> byId = new HashMap<>();
        for (CapturedEvent event : suite.events().find(topic, type, matching)) {
            byId.putIfAbsent(event.id(), event);
        }
        return List.copyOf(byId.values());
    }

    /**
     * The case ids the purge's CasesPurged events name, each event counted once; fails if a case is named by two
     * different events (purged twice).
     */
    List<String> purgedCaseIds(String purgeId) {
        List<String> ids = new ArrayList<>();
        for (CapturedEvent batch :
                distinct(Topics.PURGE_EVENTS, "CasesPurged", event -> purgeId.equals(field(event, "purgeId")))) {
            payload(batch).get("caseIds").forEach(id -> ids.add(id.asString()));
        }
        assertThat(ids).as("cases in the CasesPurged of " + purgeId).doesNotHaveDuplicates();
        return ids;
    }

    // ---- mail ----------------------------------------------------------------------------------------------

    /** How many mails the server has received so far (a test checks those after it). */
    int mailMark() {
        return suite.mail().all().size();
    }

    List<MimeMessage> mailsSince(int mark) {
        List<MimeMessage> all = suite.mail().all();
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    /** No mail arrived twice: no Message-ID (a notification's id, the same on every attempt) twice. */
    void assertNoMailTwiceSince(int mark) {
        Map<String, Long> byMessageId =
                mailsSince(mark).stream().collect(Collectors.groupingBy(FaultFlows::messageId, Collectors.counting()));
        assertThat(byMessageId.entrySet().stream()
                        .filter(entry -> entry.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .toList())
                .as("mails received more than once")
                .isEmpty();
    }

    /** {@code count} mails to {@code address} name {@code marker} (a request or e-service id) in their subject. */
    record ExpectedMails(String address, String marker, int count) {}

    /**
     * Waits until every expectation holds at once and stays so for 3 s, so that a second copy on its way is seen;
     * on a timeout the failure lists what was found instead.
     */
    void awaitMails(List<ExpectedMails> expected) {
        try {
            await("the flows' mails, each once")
                    .atMost(FLOW)
                    .pollInterval(Duration.ofMillis(500))
                    .during(Duration.ofSeconds(3))
                    .until(() -> mailMismatches(expected).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException timeout) {
            throw new AssertionError("mails not as expected: " + mailMismatches(expected), timeout);
        }
    }

    private List<String> mailMismatches(List<ExpectedMails> expected) {
        List<String> mismatches = new ArrayList<>();
        for (ExpectedMails mails : expected) {
            List<String> subjects = suite.mail().to(mails.address()).stream()
                    .filter(mentioning(mails.marker()))
                    .map(MailServer::subject)
                    .toList();
            if (subjects.size() != mails.count()) {
                mismatches.add(mails + " but got " + subjects);
            }
        }
        return mismatches;
    }

    static Predicate<MimeMessage> mentioning(String marker) {
        return message -> MailServer.subject(message).contains(marker);
    }

    static String messageId(MimeMessage message) {
        try {
            String[] ids = message.getHeader("Message-ID");
            return ids == null || ids.length == 0 ? "(none) " + MailServer.subject(message) : ids[0];
        } catch (MessagingException e) {
            return "(unreadable)";
        }
    }
}
