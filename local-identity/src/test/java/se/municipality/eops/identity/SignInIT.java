package se.municipality.eops.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sign-in over real HTTP as the portal and a browser use it: the authorization-code flow with PKCE through the
 * login form (with its CSRF token), the token endpoint with the code verifier, the tokens' claims and signatures
 * checked against the published JWKS; and curl's {@code GET /token?user=}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SignInIT {

    private static final int PORT = freePort();
    private static final String ISSUER = "http://localhost:" + PORT;
    private static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/eops";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("eops.identity.demo-password", () -> "demo");
        registry.add("eops.identity.portal-client-secret", () -> "portal-secret-local");
        registry.add("eops.identity.portal-base-url", () -> "http://localhost:8080");
    }

    @Test
    void annaSignsInWithTheCodeFlowAndPkceAndGetsSignedTokensWithHerRoles() throws Exception {
        Browser browser = new Browser();
        String verifier = randomVerifier();

        assertThat(browser.signIn("anna", "demo")).isTrue();
        String code = browser.authorize(challengeOf(verifier));
        Map<String, Object> tokens = exchange(code, verifier);

        JWTClaimsSet access = verified((String) tokens.get("access_token"));
        assertThat(access.getIssuer()).isEqualTo(ISSUER);
        assertThat(access.getAudience()).containsExactly("eops-services");
        assertThat(access.getSubject()).isEqualTo("anna");
        assertThat(access.getStringClaim("name")).isEqualTo("Anna Andersson");
        assertThat(access.getStringClaim("email")).isEqualTo("anna.andersson@kommun.example");
        assertThat(access.getStringClaim("preferred_username")).isEqualTo("anna");
        assertThat(access.getStringListClaim("roles")).containsExactly("ESERVICE_ADMINISTRATOR");
        assertThat(access.getIssueTime()).isNotNull();
        assertThat(access.getExpirationTime()).isAfter(access.getIssueTime());
        assertThat(access.getJWTID()).isNotBlank();

        JWTClaimsSet id = verified((String) tokens.get("id_token"));
        assertThat(id.getAudience()).containsExactly("eops-portal");
        assertThat(id.getStringListClaim("roles")).containsExactly("ESERVICE_ADMINISTRATOR");
        assertThat(id.getStringClaim("email")).isEqualTo("anna.andersson@kommun.example");

        // The portal keeps the session going with the refresh token; the new access token is as good.
        Map<String, Object> refreshed =
                post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", (String)
                        tokens.get("refresh_token")));
        JWTClaimsSet renewed = verified((String) refreshed.get("access_token"));
        assertThat(renewed.getAudience()).containsExactly("eops-services");
        assertThat(renewed.getStringListClaim("roles")).containsExactly("ESERVICE_ADMINISTRATOR");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        Browser browser = new Browser();

        assertThat(browser.signIn("anna", "not-the-password")).isFalse();
        HttpResponse<String> authorize = browser.get(authorizeUri(challengeOf(randomVerifier())));
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(location(authorize)).isEqualTo(ISSUER + "/login");
    }

    @Test
    void anAuthorizationRequestWithoutCodeChallengeIsRefusedEvenWhenSignedIn() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.signIn("anna", "demo")).isTrue();

        HttpResponse<String> authorize = browser.get(authorizeUri(null));

        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(location(authorize)).startsWith(REDIRECT_URI + "?").contains("error=invalid_request");
        assertThat(location(authorize)).doesNotContain("code=");
    }

    @Test
    void theLoginPageSpeaksSwedishUnlessEnglishIsAskedFor() throws Exception {
        Browser browser = new Browser();

        String swedish = browser.get(ISSUER + "/login").body();
        String english = browser.get(ISSUER + "/login?lang=en").body();
        assertThat(browser.signIn("anna", "wrong")).isFalse();
        String refused = browser.get(ISSUER + "/login?error").body();

        assertThat(swedish)
                .contains("<html lang=\"sv\">", "<h1>Logga in</h1>", "<label for=\"username\">Användarnamn</label>")
                .contains("<label for=\"password\">Lösenord</label>", "<main id=\"main\">", "id=\"lang-en\"");
        assertThat(english)
                .contains("<html lang=\"en\">", "<h1>Sign in</h1>", "<label for=\"password\">Password</label>");
        assertThat(refused).contains("id=\"error-summary\"", "Fel användarnamn eller lösenord.");
    }

    @Test
    void discoveryNamesTheIssuerTheJwksAndTheLogoutEndpoint() throws Exception {
        Map<String, Object> discovery = JSONObjectUtils.parse(
                new Browser().get(ISSUER + "/.well-known/openid-configuration").body());

        assertThat(discovery)
                .containsEntry("issuer", ISSUER)
                .containsEntry("jwks_uri", ISSUER + "/oauth2/jwks")
                .containsEntry("end_session_endpoint", ISSUER + "/connect/logout");
        assertThat(JSONObjectUtils.getStringList(discovery, "code_challenge_methods_supported"))
                .contains("S256");
    }

    @Test
    void curlGetsAVerifiableTokenForADemoUser() throws Exception {
        HttpResponse<String> answer = new Browser().get(ISSUER + "/token?user=cecilia");

        assertThat(answer.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = verified(answer.body());
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly("eops-services");
        assertThat(claims.getSubject()).isEqualTo("cecilia");
        assertThat(claims.getStringListClaim("roles")).containsExactly("CENTRAL_TEAM");
        assertThat(claims.getStringClaim("email")).isEqualTo("cecilia.berg@kommun.example");
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void curlGets400ForSomeoneWhoIsNoDemoUser() throws Exception {
        HttpResponse<String> answer = new Browser().get(ISSUER + "/token?user=mallory");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Unknown demo user 'mallory'").contains("anna");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** A browser: its own cookies, redirects one at a time so each can be looked at. */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        /** The login form as a person fills it in; true when it lets them in. */
        boolean signIn(String username, String password) throws Exception {
            HttpResponse<String> form = get(ISSUER + "/login");
            assertThat(form.statusCode()).isEqualTo(200);
            Matcher csrf = CSRF.matcher(form.body());
            assertThat(csrf.find())
                    .as("the login form's CSRF token in %s", form.body())
                    .isTrue();
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(ISSUER + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            form(Map.of("username", username, "password", password, "_csrf", csrf.group(1))))));
            assertThat(answer.statusCode()).isEqualTo(302);
            return !location(answer).contains("error");
        }

        /** The authorization request of a signed-in browser; the code the redirect back carries. */
        String authorize(String challenge) throws Exception {
            HttpResponse<String> answer = get(authorizeUri(challenge));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            URI back = URI.create(location(answer));
            assertThat(back.toString()).startsWith(REDIRECT_URI + "?");
            Map<String, String> query = query(back);
            assertThat(query).containsEntry("state", "state-1");
            return query.get("code");
        }

        HttpResponse<String> get(String uri) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html"));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String authorizeUri(String challenge) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", "eops-portal");
        parameters.put("scope", "openid profile email");
        parameters.put("redirect_uri", REDIRECT_URI);
        parameters.put("state", "state-1");
        if (challenge != null) {
            parameters.put("code_challenge", challenge);
            parameters.put("code_challenge_method", "S256");
        }
        return ISSUER + "/oauth2/authorize?" + form(parameters);
    }

    /** The portal's back channel: the code and the PKCE verifier for tokens, authenticated with its secret. */
    private static Map<String, Object> exchange(String code, String verifier) throws Exception {
        return post(
                "/oauth2/token",
                Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", REDIRECT_URI,
                        "code_verifier", verifier));
    }

    private static Map<String, Object> post(String path, Map<String, String> parameters) throws Exception {
        String basic =
                Base64.getEncoder().encodeToString("eops-portal:portal-secret-local".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ISSUER + path))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSONObjectUtils.parse(answer.body());
    }

    /** The token's claims once its signature is verified with the JWKS key its kid names (from discovery). */
    private static JWTClaimsSet verified(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        Browser browser = new Browser();
        String jwksUri = (String) JSONObjectUtils.parse(browser.get(ISSUER + "/.well-known/openid-configuration")
                        .body())
                .get("jwks_uri");
        JWKSet keys = JWKSet.parse(browser.get(jwksUri).body());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key)
                .as("the JWKS key named by kid %s", jwt.getHeader().getKeyID())
                .isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature").isTrue();
        return jwt.getJWTClaimsSet();
    }

    private static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challengeOf(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], parts.length > 1 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
