package se.municipality.eops.portal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.client.RestClient;
import se.municipality.eops.portal.PortalProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The desks' calls over real HTTP to a stand-in service: the person's token goes along, the answers read as the
 * services write them, the purge log's CSV is copied through and a refusal opens no download.
 */
class DeskClientsTest {

    private HttpServer service;
    private final Map<String, String> authorizationSeen = new ConcurrentHashMap<>();
    private final Map<String, String> bodySeen = new ConcurrentHashMap<>();
    private ServiceClients.ServiceRestClients clients;

    @BeforeEach
    void start() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.start();
        URI base = URI.create("http://127.0.0.1:" + service.getAddress().getPort());
        PortalProperties properties = new PortalProperties(
                "http://localhost:8080",
                "roles",
                ZoneId.of("Europe/Stockholm"),
                new PortalProperties.Services(
                        base, base, base, base, base, Duration.ofSeconds(2), Duration.ofSeconds(5)));
        OAuth2AuthorizedClientManager tokens = mock(OAuth2AuthorizedClientManager.class);
        OAuth2AuthorizedClient arvids = new OAuth2AuthorizedClient(
                ClientRegistration.withRegistrationId("eops")
                        .clientId("eops-portal")
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("http://localhost:8080/login/oauth2/code/eops")
                        .authorizationUri("http://localhost:9000/oauth2/authorize")
                        .tokenUri("http://localhost:9000/oauth2/token")
                        .build(),
                "arvid",
                new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER,
                        "token-of-arvid",
                        Instant.now(),
                        Instant.now().plusSeconds(300)));
        when(tokens.authorize(any())).thenReturn(arvids);
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("arvid", null, "ROLE_ARCHIVIST"));
        clients =
                new ServiceClients().serviceRestClients(RestClient.builder(), tokens, properties, JsonMapper.shared());
    }

    @AfterEach
    void stop() {
        service.stop(0);
        SecurityContextHolder.clearContext();
    }

    private void answer(String path, int status, String contentType, String body) {
        service.createContext(path, exchange -> {
            authorizationSeen.put(
                    path, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            bodySeen.put(path, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
    }

    @Test
    void thePurgeLogsCsvIsCopiedThroughWithThePersonsToken() {
        String csv = "purgeId,reason\r\npurge-1,TEST_CASES\r\n";
        answer("/api/purge-log/export.csv", 200, "text/csv;charset=UTF-8", csv);
        ByteArrayOutputStream download = new ByteArrayOutputStream();

        new PurgeServiceClient(clients).exportPurgeLog(() -> download);

        assertThat(download.toString(StandardCharsets.UTF_8)).isEqualTo(csv);
        assertThat(authorizationSeen.get("/api/purge-log/export.csv")).isEqualTo("Bearer token-of-arvid");
    }

    @Test
    void aRefusedExportThrowsBeforeTheDownloadIsOpened() {
        answer(
                "/api/purge-log/export.csv",
                403,
                "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}");
        AtomicBoolean opened = new AtomicBoolean();

        assertThatThrownBy(() -> new PurgeServiceClient(clients).exportPurgeLog(() -> {
                    opened.set(true);
                    return new ByteArrayOutputStream();
                }))
                .isInstanceOfSatisfying(
                        ServiceProblem.class,
                        problem -> assertThat(problem.status()).isEqualTo(403));
        assertThat(opened).isFalse();
    }

    @Test
    void aPlanReadsAsPurgeServiceWritesIt() {
        answer("/api/purges/plan-1", 200, "application/json", """
                {"purgeId":"plan-1","reason":"RETENTION","status":"AWAITING_APPROVAL","eServiceId":"es-1001",
                 "rule":{"ruleId":"rule-es-1001-felanmalan","version":1,"committee":"Tekniska nämnden",
                         "retentionPeriod":"P2Y","clockStart":"CLOSED"},
                 "preview":{"ruleId":"rule-es-1001-felanmalan","dueCount":42,"oldestDue":"2022-01-03T09:00:00Z",
                            "newestDue":"2024-11-30T09:00:00Z","heldBack":[{"reason":"legal hold","count":3}],
                            "cutoff":"2024-12-07T08:00:00Z"},
                 "createdBy":"astrid","createdAt":"2026-12-07T08:00:00Z","expiresAt":"2026-12-14T08:00:00Z",
                 "purgedCount":0,"heldBackCount":3,"deletedByPlatformCount":0,"batches":[],
                 "addedLater":"a tolerant reader ignores it"}
                """);

        PurgeServiceClient.Purge plan = new PurgeServiceClient(clients).purge("plan-1");

        assertThat(plan.awaitingApproval()).isTrue();
        assertThat(plan.createdBy()).isEqualTo("astrid");
        assertThat(plan.preview().dueCount()).isEqualTo(42);
        assertThat(plan.preview().heldBack()).containsExactly(new PurgeServiceClient.HeldBack("legal hold", 3));
    }

    @Test
    void aReviewersDecisionIsSentAsPublicationServiceReadsIt() {
        answer("/api/reviews/rev-1/decisions", 200, "application/json", """
                {"reviewId":"rev-1","eServiceId":"es-2001","eServiceName":"Parkering","status":"IN_REVIEW","quorum":2,
                 "checklistAnswers":[{"itemId":"accessibility","text":"Tillgänglighetsgranskad","done":true}],
                 "decisions":[{"reviewerId":"rut","onBehalfOf":"rolf","approved":false,"comment":"Saknar kontakt",
                               "decidedAt":"2026-12-07T10:00:00Z"}]}
                """);

        PublicationServiceClient.Review review =
                new PublicationServiceClient(clients).decide("rev-1", "REJECT", "Saknar kontakt", "rolf");

        assertThat(JsonMapper.shared().readTree(bodySeen.get("/api/reviews/rev-1/decisions")))
                .isEqualTo(JsonMapper.shared()
                        .readTree("{\"decision\":\"REJECT\",\"comment\":\"Saknar kontakt\",\"onBehalfOf\":\"rolf\"}"));
        assertThat(review.decidedBy("rolf")).isTrue();
        assertThat(review.decidedBy("rut")).isTrue();
        assertThat(review.decidedBy("arvid")).isFalse();
        assertThat(review.answersDone()).isEqualTo(1);
    }

    @Test
    void aChecklistIsPublishedWithTheVersionTheEditorStartedFrom() {
        answer("/api/checklist", 201, "application/json", """
                {"version":5,"effectiveFrom":"2026-12-07T08:00:00Z","publishedBy":"cecilia",
                 "items":[{"id":"contact","text":"Kontaktuppgifter","mandatory":true}]}
                """);

        PublicationServiceClient.ChecklistVersion published = new PublicationServiceClient(clients)
                .publishChecklist(
                        List.of(new PublicationServiceClient.ChecklistItem("contact", "Kontaktuppgifter", true)), 4);

        assertThat(JsonMapper.shared().readTree(bodySeen.get("/api/checklist")))
                .isEqualTo(JsonMapper.shared().readTree("""
                        {"items":[{"id":"contact","text":"Kontaktuppgifter","mandatory":true}],"basedOnVersion":4}
                        """));
        assertThat(published.version()).isEqualTo(5);
    }

    @Test
    void theTrainingsOnRecordReadAsPermissionServiceWritesThem() {
        answer("/api/trainings", 200, "application/json", """
                {"items":[{"person":{"personId":"erik","name":"Erik Ek","email":"erik.ek@kommun.example"},
                           "course":"E-tjänsteadministratör grundkurs","completedOn":"2026-11-27",
                           "recordedBy":"cecilia","recordedAt":"2026-12-07T08:00:00Z"}],
                 "page":0,"size":20,"total":21}
                """);

        PermissionServiceClient.TrainingsPage page = new PermissionServiceClient(clients).trainings(0, 20);

        assertThat(page.items())
                .containsExactly(new PermissionServiceClient.RecordedTraining(
                        new PermissionServiceClient.Person("erik", "Erik Ek", "erik.ek@kommun.example"),
                        "E-tjänsteadministratör grundkurs",
                        java.time.LocalDate.parse("2026-11-27"),
                        "cecilia",
                        Instant.parse("2026-12-07T08:00:00Z")));
        assertThat(page.hasNext()).isTrue();
        assertThat(authorizationSeen.get("/api/trainings")).isEqualTo("Bearer token-of-arvid");
    }

    @Test
    void theQueuesFiltersGoAlongOnlyWhenSet() {
        AtomicReference<String> query = new AtomicReference<>();
        service.createContext("/api/team/requests", exchange -> {
            query.set(exchange.getRequestURI().getRawQuery());
            byte[] bytes = "{\"items\":[],\"page\":0,\"size\":20,\"totalItems\":0,\"totalPages\":0}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });

        new RequestServiceClient(clients)
                .teamQueue(new RequestServiceClient.TeamFilter("SUBMITTED", null, null, true, 2, 20));

        assertThat(List.of(query.get().split("&")))
                .containsExactlyInAnyOrder("status=SUBMITTED", "overdue=true", "page=2", "size=20");
    }
}
