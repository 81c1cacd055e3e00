package se.municipality.eops.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.util.UriComponentsBuilder;
import se.municipality.eops.portal.PortalTestConfiguration;

/**
 * The portal on a real port (cookie attributes come from the servlet container, not MockMvc): the session cookie is
 * HttpOnly, Secure and SameSite=Lax, and the login redirect carries a PKCE challenge (S256).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PortalTestConfiguration.class)
class LoginAndCookiesTest {

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theLoginStartsWithPkceAndTheSessionCookieIsHttpOnlySecureAndLax() throws Exception {
        HttpResponse<String> page = get("/requests", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/oauth2/authorization/eops"));

        HttpResponse<String> login = get("/oauth2/authorization/eops", null);
        assertThat(login.statusCode()).isEqualTo(302);
        List<String> cookies = login.headers().allValues("Set-Cookie");
        String session = cookies.stream()
                .filter(cookie -> cookie.startsWith("EOPS_PORTAL_SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
        assertThat(session).contains("HttpOnly").contains("Secure").contains("SameSite=Lax");

        URI authorize = URI.create(login.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(PortalTestConfiguration.ISSUER + "/oauth2/authorize?");
        var query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("client_id")).isEqualTo("eops-portal");
        assertThat(query.getFirst("scope")).contains("openid");
    }

    @Test
    void theReadinessProbeAnswersWithoutALogin() throws Exception {
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
