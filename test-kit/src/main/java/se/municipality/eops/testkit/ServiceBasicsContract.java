package se.municipality.eops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import tools.jackson.databind.JsonNode;

/**
 * What every service owes operators and callers, whatever its features: probes, metrics, API docs,
 * its own database, and a security chain that accepts the suite's tokens and nothing else. A
 * service's {@code *IT} extends it and names the service.
 */
@ServiceIntegrationTest
public abstract class ServiceBasicsContract {

    private final String service;
    private final String database;
    private final String apiTitle;
    private final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    protected ServiceBasicsContract(String service, String database, String apiTitle) {
        this.service = service;
        this.database = database;
        this.apiTitle = apiTitle;
    }

    private TestHttp http() {
        return TestHttp.at(port);
    }

    @Test
    void livenessAndReadinessProbesReportUp() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpAnswer answer = http().get(probe, null);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.json().path("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void prometheusScrapeTagsEveryMetricWithTheService() {
        HttpAnswer answer = http().get("/actuator/prometheus", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        assertThat(answer.body())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("application=\"" + service + "\"");
    }

    @Test
    void apiDocsDescribeTheServiceAndItsBearerTokens() {
        HttpAnswer answer = http().get("/v3/api-docs", null);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode docs = answer.json();
        assertThat(docs.path("openapi").asString()).startsWith("3.");
        assertThat(docs.at("/info/title").asString()).isEqualTo(apiTitle);
        assertThat(docs.at("/info/description").asString()).isNotBlank();
        assertThat(docs.at("/info/version").asString()).isNotBlank().doesNotContain("@");
        JsonNode bearerScheme = docs.at("/components/securitySchemes/bearer-jwt");
        assertThat(bearerScheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(bearerScheme.path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(docs.at("/security/0").has("bearer-jwt")).isTrue();
    }

    @Test
    void callWithoutATokenIsUnauthorizedAsProblemDetails() {
        assertUnauthorizedProblem(http().get("/api/anything", null));
    }

    @Test
    void tokenFromTheSuitesIssuerPassesSoAnUnknownPathIsNotFound() {
        HttpAnswer answer = http().get("/no-such-resource", tokens.tokenFor("anna"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().path("status").asInt()).isEqualTo(404);
    }

    @Test
    void tokenSignedByAForeignKeyIsUnauthorized() {
        assertUnauthorizedProblem(http().get("/no-such-resource", tokens.tokenWithForeignSignature("anna")));
    }

    @Test
    void expiredTokenIsUnauthorized() {
        assertUnauthorizedProblem(http().get("/no-such-resource", tokens.expiredTokenFor("anna")));
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthorized() {
        // Signed with the suite's key, so only the issuer check can refuse it.
        assertUnauthorizedProblem(http().get(
                        "/no-such-resource",
                        tokens.token("anna")
                                .issuer("https://login.elsewhere.example")
                                .signed()));
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        // The suite's own issuer and key, made for another application (or for none).
        assertUnauthorizedProblem(http().get(
                        "/no-such-resource",
                        tokens.token("anna").audience("another-application").signed()));
        assertUnauthorizedProblem(
                http().get("/no-such-resource", tokens.token("anna").audience().signed()));
    }

    @Test
    void unsignedTokenIsUnauthorized() {
        assertUnauthorizedProblem(
                http().get("/no-such-resource", tokens.token("anna").unsigned()));
    }

    @Test
    void tokenNotValidYetIsUnauthorized() {
        // Well past the minute of clock skew resource servers allow.
        Instant notBefore = Instant.now().plus(Duration.ofMinutes(10));
        assertUnauthorizedProblem(http().get(
                        "/no-such-resource",
                        tokens.token("anna")
                                .issuedAt(notBefore)
                                .notBefore(notBefore)
                                .expiresAt(notBefore.plus(Duration.ofHours(1)))
                                .signed()));
    }

    @Test
    void isConnectedToItsOwnDatabase() {
        assertThat(mongo.getDb().getName()).isEqualTo(database);
        assertThat(mongo.executeCommand("{ping: 1}").get("ok", Number.class).intValue())
                .isEqualTo(1);
    }

    private static void assertUnauthorizedProblem(HttpAnswer answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.contentType().getCharset()).hasToString("UTF-8");
        assertThat(answer.json().path("status").asInt()).isEqualTo(401);
        assertThat(answer.header(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }
}
