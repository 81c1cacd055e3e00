package se.municipality.eops.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import se.municipality.eops.portal.PortalTestConfiguration;

/**
 * A form sent after the session ended (logged out, timed out, a cookie the portal no longer knows) is no "wrong
 * role": the page says the session ended, nothing was saved, and leads back to the page the form was on, through the
 * login. On a real port, so the forward to the page is rendered as a browser gets it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PortalTestConfiguration.class)
class SessionEndedTest {

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aFormSentWithAnEndedSessionSaysSoAndLeadsBackToItsPageThroughTheLogin() throws Exception {
        HttpResponse<String> answer = postWithEndedSession("/requests/REQ-7/comments", "/requests/REQ-7?lang=sv");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body())
                .contains("Din inloggning har upphört")
                .contains("id=\"return-to\" class=\"button\" href=\"/requests/REQ-7?lang=sv\"")
                .doesNotContain("annan roll");

        HttpResponse<String> page = get("/requests/REQ-7?lang=sv");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/oauth2/authorization/eops"));
    }

    @Test
    void aDraftStepSentWithAnEndedSessionWithoutARefererGoesBackToTheStartPage() throws Exception {
        HttpResponse<String> answer = postWithEndedSession("/drafts/d-1/steps/1", null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("Din inloggning har upphört").contains("href=\"/\"");
    }

    @Test
    void aRefererOfAnotherSiteIsNoPageToGoBackTo() throws Exception {
        HttpResponse<String> answer = postWithEndedSession("/team/trainings", "https://elsewhere.example/phish");

        assertThat(answer.body())
                .doesNotContain("elsewhere.example")
                .contains("id=\"return-to\" class=\"button\" href=\"/\"");
    }

    private HttpResponse<String> postWithEndedSession(String path, String referer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "EOPS_PORTAL_SESSION=ended-long-ago")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=token-of-the-old-session&text=Hej"));
        if (referer != null) {
            request.header("Referer", referer.startsWith("http") ? referer : "http://localhost:" + port + referer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
