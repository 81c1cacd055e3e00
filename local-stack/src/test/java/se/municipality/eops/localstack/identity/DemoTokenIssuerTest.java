package se.municipality.eops.localstack.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTokenIssuerTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static DemoTokenIssuer issuer;

    @BeforeAll
    static void startIssuer() {
        issuer = DemoTokenIssuer.start(0);
    }

    @AfterAll
    static void stopIssuer() {
        issuer.stop();
    }

    @Test
    void discoveryDocumentNamesTheIssuerAndWhereItsKeysAre() throws Exception {
        HttpResponse<String> response = get(issuer.issuerUri() + "/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        Map<String, Object> document = JSONObjectUtils.parse(response.body());
        assertThat(document)
                .containsEntry("issuer", "http://localhost:" + issuer.port())
                .containsEntry("jwks_uri", issuer.issuerUri() + "/jwks")
                .containsEntry("token_endpoint", issuer.issuerUri() + "/token");
        assertThat(JSONObjectUtils.getStringList(document, "id_token_signing_alg_values_supported"))
                .containsExactly("RS256");
    }

    @Test
    void publishedKeyVerifiesTheSignatureOfAnIssuedToken() throws Exception {
        SignedJWT token = SignedJWT.parse(issuer.tokenFor("anna"));

        JWKSet keys = JWKSet.parse(get(issuer.jwkSetUri()).body());

        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey key = (RSAKey) keys.getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).as("JWKS key with the token's kid").isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void tokenCarriesTheDemoUsersIdentityAndRolesForEightHours() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(issuer.tokenFor("anna")).getJWTClaimsSet();

        assertThat(claims.getIssuer()).isEqualTo(issuer.issuerUri());
        assertThat(claims.getAudience()).containsExactly(DemoTokenIssuer.DEFAULT_AUDIENCE);
        assertThat(claims.getSubject()).isEqualTo("anna");
        assertThat(claims.getStringClaim("name")).isEqualTo("Anna Andersson");
        assertThat(claims.getStringClaim("email")).isEqualTo("anna.andersson@kommun.example");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("anna");
        assertThat(claims.getStringListClaim("roles")).containsExactly("ESERVICE_ADMINISTRATOR");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getIssueTime()).isCloseTo(Instant.now(), 5_000);
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void tokenForAnyoneCarriesTheGivenClaims() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(
                        issuer.tokenFor("x-1", "Test Person", "test@kommun.example", List.of("A", "B")))
                .getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo("x-1");
        assertThat(claims.getStringClaim("name")).isEqualTo("Test Person");
        assertThat(claims.getStringClaim("email")).isEqualTo("test@kommun.example");
        assertThat(claims.getStringListClaim("roles")).containsExactly("A", "B");
    }

    @Test
    void rejectsUnknownUserNamingTheKnownOnes() throws Exception {
        assertThatThrownBy(() -> issuer.tokenFor("mallory"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mallory")
                .hasMessageContaining("anna")
                .hasMessageContaining("nils");

        HttpResponse<String> response = get(issuer.issuerUri() + "/token?user=mallory");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Unknown demo user 'mallory'").contains("anna");
    }

    @Test
    void tokenEndpointReturnsAVerifiableTokenForADemoUser() throws Exception {
        HttpResponse<String> response = get(issuer.issuerUri() + "/token?user=nils");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        SignedJWT token = SignedJWT.parse(response.body());
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CASE_HANDLER");
        assertThat(token.verify(new RSASSAVerifier(publishedKey()))).isTrue();
    }

    @Test
    void usersEndpointListsEveryDemoUser() throws Exception {
        List<Object> users =
                JSONArrayUtils.parse(get(issuer.issuerUri() + "/users").body());

        assertThat(users).hasSize(DemoUser.ALL.size());
        assertThat(users.get(0))
                .isEqualTo(Map.of(
                        "username", "anna",
                        "name", "Anna Andersson",
                        "email", "anna.andersson@kommun.example",
                        "roles", List.of("ESERVICE_ADMINISTRATOR")));
    }

    @Test
    void usersEndpointListsEveryDemoUserAsTextForScripts() throws Exception {
        String text = get(issuer.issuerUri() + "/users?format=text").body();

        assertThat(text.lines()).hasSize(DemoUser.ALL.size());
        assertThat(text.lines().findFirst())
                .hasValueSatisfying(line -> assertThat(line)
                        .startsWith("anna ")
                        .contains("Anna Andersson", "anna.andersson@kommun.example", "ESERVICE_ADMINISTRATOR"));
        assertThat(text).contains("nils").contains("nils.nord@kommun.example").contains("CASE_HANDLER");
    }

    @Test
    void foreignSignatureDoesNotVerifyWithThePublishedKey() throws Exception {
        SignedJWT token = SignedJWT.parse(issuer.tokenWithForeignSignature("erik"));

        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("erik");
        assertThat(token.getHeader().getKeyID()).isEqualTo(publishedKey().getKeyID());
        assertThat(token.verify(new RSASSAVerifier(publishedKey()))).isFalse();
    }

    @Test
    void expiredTokenIsCorrectlySignedButExpired() throws Exception {
        SignedJWT token = SignedJWT.parse(issuer.expiredTokenFor("rut"));

        assertThat(token.verify(new RSASSAVerifier(publishedKey()))).isTrue();
        assertThat(token.getJWTClaimsSet().getExpirationTime()).isBefore(Instant.now());
    }

    @Test
    void issuerStartedForAnotherAudiencePutsItInItsTokens(@TempDir Path directory) throws Exception {
        DemoTokenIssuer other = DemoTokenIssuer.start(0, directory.resolve("key.json"), "other-suite");
        try {
            assertThat(SignedJWT.parse(other.tokenFor("anna")).getJWTClaimsSet().getAudience())
                    .containsExactly("other-suite");
        } finally {
            other.stop();
        }
    }

    @Test
    void builtTokenCarriesTheChosenIssuerAudienceAndValidity() throws Exception {
        Instant notBefore = Instant.parse("2030-01-01T00:00:00Z");
        SignedJWT token = SignedJWT.parse(issuer.token("erik")
                .issuer("https://elsewhere.example")
                .audience("someone-else")
                .notBefore(notBefore)
                .expiresAt(notBefore.plus(Duration.ofHours(1)))
                .signed());

        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(token.verify(new RSASSAVerifier(publishedKey()))).isTrue();
        assertThat(claims.getIssuer()).isEqualTo("https://elsewhere.example");
        assertThat(claims.getAudience()).containsExactly("someone-else");
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(notBefore);
        assertThat(claims.getSubject()).isEqualTo("erik");
        assertThat(issuer.token("erik").audience().signed())
                .satisfies(withoutAudience -> assertThat(SignedJWT.parse(withoutAudience)
                                .getJWTClaimsSet()
                                .getAudience())
                        .isEmpty());
    }

    @Test
    void unsignedTokenSaysAlgNoneAndHasNoSignature() throws Exception {
        String token = issuer.token("anna").unsigned();

        PlainJWT plain = PlainJWT.parse(token);
        assertThat(plain.getHeader().getAlgorithm().getName()).isEqualTo("none");
        assertThat(token).endsWith(".");
        assertThat(plain.getJWTClaimsSet().getSubject()).isEqualTo("anna");
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        assertThat(get(issuer.issuerUri() + "/tokens").statusCode()).isEqualTo(404);
    }

    @Test
    void persistedKeyIsReusedSoTokensSurviveARestart(@TempDir Path directory) throws Exception {
        Path keyFile = directory.resolve("identity").resolve("signing-key.json");
        String tokenBeforeRestart;
        DemoTokenIssuer first = DemoTokenIssuer.start(0, keyFile);
        try {
            tokenBeforeRestart = first.tokenFor("arvid");
        } finally {
            first.stop();
        }

        DemoTokenIssuer second = DemoTokenIssuer.start(0, keyFile);
        try {
            RSAKey key = (RSAKey)
                    JWKSet.parse(get(second.jwkSetUri()).body()).getKeys().get(0);
            assertThat(SignedJWT.parse(tokenBeforeRestart).verify(new RSASSAVerifier(key)))
                    .isTrue();
        } finally {
            second.stop();
        }
    }

    private static RSAKey publishedKey() throws Exception {
        return (RSAKey) JWKSet.parse(get(issuer.jwkSetUri()).body()).getKeys().get(0);
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
