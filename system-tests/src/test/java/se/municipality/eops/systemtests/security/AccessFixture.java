package se.municipality.eops.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import se.municipality.eops.systemtests.Service;
import se.municipality.eops.systemtests.Suite;
import se.municipality.eops.testkit.HttpAnswer;
import tools.jackson.databind.JsonNode;

/**
 * What the access table's calls act on, made through the services' own doors by the people who may: requests
 * waiting for review, drafts, e-services, retention rules, plans, an administrator with a handler group and an
 * access review. The suite runs without demo data, so rights that come from grants (administrator of an
 * e-service, its editor) are given here by permission requests, as in production. Made once each and shared,
 * except {@code {new:x}}, which is made for every call; the slow ones are started ahead ({@link #prepareAhead}).
 */
final class AccessFixture implements AutoCloseable {

    /** Not a demo user: made administrator of {@code {adminEService}} here, for the rules that follow grants. */
    static final String ADMINISTRATOR = "ada";

    private static final Duration ASYNC = Duration.ofSeconds(120);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(new:)?([A-Za-z]+)}");
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** The items of demo checklist version 1, answered when no checklist is in force. */
    private static final List<String[]> STANDARD_CHECKLIST = List.of(
            new String[] {"accessibility", "Tillgänglighetsgranskad"},
            new String[] {"information-text", "Informationstexten är granskad"},
            new String[] {"test-cases", "Testärenden är inskickade och kontrollerade"},
            new String[] {"contact", "Kontaktuppgifter under \\\"Frågor om e-tjänsten\\\" finns"});

    private final Suite suite;
    private final ExecutorService makers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "access-fixture");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CompletableFuture<Object>> shared = new ConcurrentHashMap<>();

    AccessFixture(Suite suite) {
        this.suite = suite;
    }

    record Filed(String requestId, String eServiceId) {}

    record Rule(String ruleId, String eServiceId) {}

    record Administered(String eServiceId, String adminGrantId, String editorGrantId) {}

    record Group(String groupId, String memberId) {}

    record Review(String reviewId, String grantId) {}

    /** Starts what takes long (waiting for other services' events, the access-review job) in the background. */
    void prepareAhead() {
        for (String name : List.of("annaRequest", "review", "adminEService", "accessReview")) {
            object(name);
        }
    }

    /** A bearer token of a demo user, or of {@link #ADMINISTRATOR}. */
    String token(String caller) {
        return ADMINISTRATOR.equals(caller)
                ? suite.tokens()
                        .tokenFor(
                                ADMINISTRATOR, "Ada Lund", "ada.lund@kommun.example", List.of("ESERVICE_ADMINISTRATOR"))
                : suite.token(caller);
    }

    /** The text with every placeholder made for {@code caller}'s call. */
    String resolve(String text, String caller) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(1) != null ? fresh(matcher.group(2)) : value(matcher.group(2), caller);
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /**
     * The text with a stand-in for every placeholder, for calls that must be refused before anything is looked
     * up (no token, a forged one): nothing is made for them.
     */
    static String withStandIns(String text) {
        return text == null ? null : PLACEHOLDER.matcher(text).replaceAll("stand-in-" + unique());
    }

    static String unique() {
        return RUN + "-" + SEQUENCE.incrementAndGet();
    }

    // ---- placeholders ------------------------------------------------------------------------------------

    private String value(String name, String caller) {
        return switch (name) {
            case "uniq" -> unique();
            case "myLanguage" -> language(caller);
            case "annaRequest", "annaRequestToWithdraw", "requestToReject", "requestToAssign" ->
                ((Filed) object(name)).requestId();
            case "review" -> (String) object(name);
            case "annaDraft", "annaDraftToDelete", "annaCompleteDraft", "eService" -> (String) object(name);
            case "adminEService", "editedEService" -> ((Administered) object("adminEService")).eServiceId();
            case "grant" -> ((Administered) object("adminEService")).adminGrantId();
            case "rule" -> ((Rule) object("rule")).ruleId();
            case "ruleEService" -> ((Rule) object("rule")).eServiceId();
            case "planByArvid" -> (String) object(name);
            case "group" -> ((Group) object("group")).groupId();
            case "groupMember" -> ((Group) object("group")).memberId();
            case "accessReview" -> ((Review) object("accessReview")).reviewId();
            case "accessReviewGrant" -> ((Review) object("accessReview")).grantId();
            default -> throw new IllegalArgumentException("no placeholder {" + name + "} (see AccessFixture)");
        };
    }

    private String fresh(String name) {
        return switch (name) {
            case "review" -> reviewOf(fileNewEService("anna"));
            case "rule" -> createRule("cecilia").ruleId();
            case "heldCase" -> placeHold("arvid");
            case "planByCecilia" -> plan("cecilia");
            case "planByArvid" -> plan("arvid");
            default -> throw new IllegalArgumentException("no placeholder {new:" + name + "} (see AccessFixture)");
        };
    }

    private Object object(String name) {
        return shared.computeIfAbsent(name, key -> CompletableFuture.supplyAsync(() -> make(key), makers))
                .join();
    }

    private Object make(String name) {
        return switch (name) {
            case "annaRequest", "annaRequestToWithdraw", "requestToReject", "requestToAssign" ->
                fileNewEService("anna");
            case "review" -> reviewOf(fileNewEService("anna"));
            case "annaDraft", "annaDraftToDelete" -> startDraft("anna");
            case "annaCompleteDraft" -> completeDraft("anna");
            case "eService" -> register();
            case "adminEService" -> administeredEService();
            case "rule" -> createRule("arvid");
            case "planByArvid" -> plan("arvid");
            case "group" -> createGroup();
            case "accessReview" -> accessReview();
            default -> throw new IllegalArgumentException("nothing called " + name + " to make");
        };
    }

    // ---- request-service ---------------------------------------------------------------------------------

    /** A brand-new e-service with every item of the checklist in force done: it waits for review (open). */
    Filed fileNewEService(String requester) {
        String eServiceId = "es-" + unique();
        String body = "{\"type\":\"PUBLICATION\",\"publication\":{\"kind\":\"NEW_ESERVICE\",\"eServiceId\":\""
                + eServiceId + "\",\"eServiceName\":\"Säkerhetsprov " + eServiceId + "\","
                + "\"committee\":\"Tekniska nämnden\",\"orderer\":\"Gatuenheten\",\"versionLabel\":\"1.0\","
                + "\"checklist\":" + checklistAnswers() + "}}";
        HttpAnswer filed = file(requester, body);
        return new Filed(filed.json().path("id").asString(), eServiceId);
    }

    /** Files, waiting out the read models' catching up (503) and answers not known yet (422). */
    HttpAnswer file(String requester, String body) {
        AtomicReference<HttpAnswer> answer = new AtomicReference<>();
        await("filing as " + requester + ": " + body)
                .atMost(ASYNC)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    answer.set(call(Service.REQUEST, HttpMethod.POST, "/api/requests", requester, body));
                    return answer.get().status() != 503 && answer.get().status() != 422;
                });
        assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
        return answer.get();
    }

    /** Every item of publication-service's checklist in force, done (the demo items when none is). */
    private String checklistAnswers() {
        HttpAnswer current = call(Service.PUBLICATION, HttpMethod.GET, "/api/checklist", "anna", null);
        List<String> answers = new ArrayList<>();
        if (current.status() == 200) {
            for (JsonNode item : current.json().path("items")) {
                answers.add(answer(
                        item.path("id").asString(), item.path("text").asString().replace("\"", "\\\"")));
            }
        } else {
            STANDARD_CHECKLIST.forEach(item -> answers.add(answer(item[0], item[1])));
        }
        return "[" + String.join(",", answers) + "]";
    }

    private static String answer(String itemId, String text) {
        return "{\"itemId\":\"" + itemId + "\",\"item\":\"" + text + "\",\"done\":true}";
    }

    private String startDraft(String owner) {
        HttpAnswer draft = created(Service.REQUEST, "/api/drafts", owner, "{\"type\":\"PUBLICATION\"}");
        return draft.json().path("id").asString();
    }

    private String completeDraft(String owner) {
        String draft = startDraft(owner);
        String eServiceId = "es-" + unique();
        step(
                owner,
                draft,
                "eservice",
                "{\"publication\":{\"kind\":\"NEW_ESERVICE\",\"eServiceId\":\"" + eServiceId
                        + "\",\"eServiceName\":\"Säkerhetsprov " + eServiceId + "\"}}");
        step(
                owner,
                draft,
                "responsibility",
                "{\"publication\":{\"committee\":\"Tekniska nämnden\",\"orderer\":\"Gatuenheten\"}}");
        step(owner, draft, "checklist", "{\"publication\":{\"checklist\":" + checklistAnswers() + "}}");
        return draft;
    }

    private void step(String owner, String draft, String step, String body) {
        AtomicReference<HttpAnswer> saved = new AtomicReference<>();
        await("step " + step + " of draft " + draft)
                .atMost(ASYNC)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    saved.set(call(
                            Service.REQUEST, HttpMethod.PUT, "/api/drafts/" + draft + "/steps/" + step, owner, body));
                    return saved.get().status() != 503;
                });
        assertThat(saved.get().status()).as(saved.get().body()).isEqualTo(200);
    }

    // ---- publication-service -----------------------------------------------------------------------------

    /** The review publication-service opened for the request's e-service (after RequestSubmitted reached it). */
    private String reviewOf(Filed filed) {
        AtomicReference<String> review = new AtomicReference<>();
        await("the review of " + filed.eServiceId())
                .atMost(ASYNC)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    HttpAnswer eService = call(
                            Service.PUBLICATION, HttpMethod.GET, "/api/eservices/" + filed.eServiceId(), "anna", null);
                    if (eService.status() != 200) {
                        return false;
                    }
                    for (JsonNode version : eService.json().path("versions")) {
                        if (version.hasNonNull("reviewId")) {
                            review.set(version.path("reviewId").asString());
                        }
                    }
                    return review.get() != null;
                });
        return review.get();
    }

    private String register() {
        String eServiceId = "es-" + unique();
        created(
                Service.PUBLICATION,
                "/api/eservices",
                "cecilia",
                "{\"eServiceId\":\"" + eServiceId + "\",\"name\":\"Säkerhetsprov " + eServiceId
                        + "\",\"committee\":\"Tekniska nämnden\",\"orderer\":\"Gatuenheten\",\"versionLabel\":\"1.0\"}");
        return eServiceId;
    }

    // ---- permission-service ------------------------------------------------------------------------------

    /**
     * An e-service {@link #ADMINISTRATOR} administers (her training recorded, then her grant asked for) and erik
     * edits (his grant asked for by her): permission-service grants both, publication-service learns of the
     * editor from {@code PermissionGranted}.
     */
    private Administered administeredEService() {
        String eServiceId = register();
        created(
                Service.PERMISSION,
                "/api/trainings",
                "cecilia",
                "{\"userId\":\"" + ADMINISTRATOR + "\",\"name\":\"Ada Lund\",\"email\":\"ada.lund@kommun.example\","
                        + "\"completedOn\":\"2026-11-27\",\"course\":\"E-tjänsteadministratör grundkurs\"}");
        String adminRequest = file(
                        ADMINISTRATOR,
                        grantBody("ADMINISTRATOR", eServiceId, ADMINISTRATOR, "Ada Lund", "ada.lund@kommun.example"))
                .json()
                .path("id")
                .asString();
        await(ADMINISTRATOR + " administrator of " + eServiceId)
                .atMost(ASYNC)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> mayAct(ADMINISTRATOR, "ADMINISTRATOR", eServiceId));
        String editorRequest = file(
                        ADMINISTRATOR, grantBody("EDITOR", eServiceId, "erik", "Erik Ek", "erik.ek@kommun.example"))
                .json()
                .path("id")
                .asString();
        // publication-service's editors come from PermissionGranted: erik's edit goes through once it is there.
        await("erik editor of " + eServiceId + " in publication-service")
                .atMost(ASYNC)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> call(
                                        Service.PUBLICATION,
                                        HttpMethod.PUT,
                                        "/api/eservices/" + eServiceId + "/basic-info",
                                        "erik",
                                        "{\"informationText\":\"Säkerhetsprov\",\"searchKeywords\":[],"
                                                + "\"requirements\":\"Inga\"}")
                                .status()
                        == 200);
        return new Administered(eServiceId, "gr-" + adminRequest, "gr-" + editorRequest);
    }

    private static String grantBody(String role, String eServiceId, String userId, String name, String email) {
        return "{\"type\":\"PERMISSION\",\"permission\":{\"change\":\"GRANT\",\"role\":\"" + role
                + "\",\"eServiceId\":\"" + eServiceId + "\",\"eServiceName\":\"Säkerhetsprov " + eServiceId
                + "\",\"person\":{\"userId\":\"" + userId + "\",\"name\":\"" + name + "\",\"email\":\"" + email
                + "\"}}}";
    }

    private boolean mayAct(String person, String role, String eServiceId) {
        HttpAnswer check = call(
                Service.PERMISSION,
                HttpMethod.GET,
                "/api/permissions/check?personId=" + person + "&role=" + role + "&eServiceId=" + eServiceId,
                "cecilia",
                null);
        return check.status() == 200 && check.json().path("allowed").asBoolean();
    }

    private Group createGroup() {
        String eServiceId = ((Administered) object("adminEService")).eServiceId();
        String member = "member-" + unique();
        HttpAnswer group = created(
                Service.PERMISSION,
                "/api/e-services/" + eServiceId + "/groups",
                "cecilia",
                "{\"name\":\"Säkerhetsgrupp " + unique() + "\",\"members\":[{\"userId\":\"" + member
                        + "\",\"name\":\"Mia Medlem\",\"email\":\"mia.medlem@kommun.example\"}]}");
        return new Group(group.json().path("id").asString(), member);
    }

    /**
     * The access review of the administered e-service, with erik's editor grant on it: permission-service's job
     * starts it on its next run ({@code EOPS_PERMISSION_JOB_INTERVAL}, a minute by default).
     */
    private Review accessReview() {
        Administered administered = (Administered) object("adminEService");
        AtomicReference<String> review = new AtomicReference<>();
        await("the access review of " + administered.eServiceId())
                .atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    HttpAnswer reviews = call(
                            Service.PERMISSION,
                            HttpMethod.GET,
                            "/api/e-services/" + administered.eServiceId() + "/access-reviews",
                            "cecilia",
                            null);
                    for (JsonNode found : reviews.json()) {
                        for (JsonNode item : found.path("items")) {
                            if (administered
                                    .editorGrantId()
                                    .equals(item.at("/grant/grantId").asString())) {
                                review.set(found.path("id").asString());
                            }
                        }
                    }
                    return review.get() != null;
                });
        return new Review(review.get(), administered.editorGrantId());
    }

    // ---- purge-service -----------------------------------------------------------------------------------

    private Rule createRule(String by) {
        String eServiceId = "es-" + unique();
        HttpAnswer rule = created(
                Service.PURGE,
                "/api/retention-rules",
                by,
                "{\"eServiceId\":\"" + eServiceId + "\",\"committee\":\"Tekniska nämnden\","
                        + "\"decisionReference\":\"TN 2026/" + unique() + "\",\"decisionDate\":\"2026-01-15\","
                        + "\"retentionPeriod\":\"P2Y\",\"clockStart\":\"CLOSED\"}");
        return new Rule(rule.json().path("ruleId").asString(), eServiceId);
    }

    private String placeHold(String by) {
        String caseId = "case-" + unique();
        created(Service.PURGE, "/api/legal-holds", by, "{\"caseId\":\"" + caseId + "\",\"reason\":\"Säkerhetsprov\"}");
        return caseId;
    }

    /** A retention plan for the shared rule (its e-service has no cases), made by {@code by}. */
    private String plan(String by) {
        HttpAnswer plan = created(
                Service.PURGE, "/api/purges/plans", by, "{\"ruleId\":\"" + ((Rule) object("rule")).ruleId() + "\"}");
        return plan.json().path("purgeId").asString();
    }

    // ---- notification-service ----------------------------------------------------------------------------

    private String language(String caller) {
        HttpAnswer mine = call(Service.NOTIFICATION, HttpMethod.GET, "/api/preferences/me", caller, null);
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        return mine.json().path("language").asString();
    }

    // ---- calls -------------------------------------------------------------------------------------------

    /** A POST that must make something: 201, else the set-up fails naming the answer. */
    private HttpAnswer created(Service service, String path, String caller, String body) {
        HttpAnswer answer = call(service, HttpMethod.POST, path, caller, body);
        assertThat(answer.status())
                .as("POST %s as %s: %s", path, caller, answer.body())
                .isEqualTo(201);
        return answer;
    }

    HttpAnswer call(Service service, HttpMethod method, String path, String caller, String body) {
        return suite.http(service).call(method, path, caller == null ? null : token(caller), body);
    }

    /** Runs {@code work} for each item at once, in order of the items. */
    <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        List<CompletableFuture<R>> running = items.stream()
                .map(item -> CompletableFuture.supplyAsync(() -> work.apply(item), makers))
                .toList();
        return running.stream().map(CompletableFuture::join).toList();
    }

    @Override
    public void close() {
        makers.shutdownNow();
    }
}
