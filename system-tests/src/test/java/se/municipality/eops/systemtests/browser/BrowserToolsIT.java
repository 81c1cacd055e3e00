package se.municipality.eops.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The browser tests' own tools, on pages of a tiny local web server (no suite needed): axe-core injected under a
 * strict Content-Security-Policy fails a page with a serious violation and names it, a page is screenshotted and
 * checked once per document, and the browser speaks the language a test asks for.
 */
@ExtendWith(BrowserExtension.class)
class BrowserToolsIT {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'none'; base-uri 'self'";
    private static final Map<String, String> PAGES = Map.of(
            "/good", page("Ett snyggt formulär", """
                    <form action="/next" method="get">
                      <label for="name">Namn</label> <input id="name" name="name">
                      <button id="next" type="submit">Nästa</button>
                    </form>
                    <button id="in-place" type="button">Ändra här</button>"""),
            "/next", page("Nästa sida", "<p>Klart.</p>"),
            "/broken", page("Trasig sida", """
                    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                    <input id="nameless" type="text">"""));

    private static HttpServer server;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String html = path.equals("/language")
                    ? page(
                            "Språk",
                            "<p id=\"accept\">" + exchange.getRequestHeaders().getFirst("Accept-Language") + "</p>")
                    : PAGES.get(path);
            byte[] body = (html == null ? page("Saknas", "<p>404</p>") : html).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().add("Content-Security-Policy", CSP);
            exchange.sendResponseHeaders(html == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aPageWithASeriousViolationFailsTheAxeCheckWhichNamesTheRule(Browser browser) {
        assertThatThrownBy(() -> browser.open(url("/broken")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("serious or critical")
                .hasMessageContaining("image-alt")
                .hasMessageContaining("label");
        // The screenshot is taken before the check, so a failing page is still there to look at.
        assertThat(screenshot("aPageWithASeriousViolationFailsTheAxeCheckWhichNamesTheRule-1-broken.png"))
                .exists();
    }

    @Test
    void everyNewPageIsScreenshottedAndCheckedOnceEvenUnderAStrictContentSecurityPolicy(Browser browser) {
        browser.open(url("/good"));
        assertThat(browser.driver().findElements(By.cssSelector("script"))).isEmpty();
        assertThat(Axe.check(browser.driver())).isEmpty();

        browser.click(By.id("in-place")).settle(); // the same document: not a page of its own
        browser.type(By.id("name"), "Anna").clickAndLoad(By.id("next"));

        assertThat(browser.visited()).hasSize(2);
        assertThat(browser.visited().get(0)).startsWith("1 good ");
        assertThat(browser.visited().get(1)).startsWith("2 next ").contains("name=Anna");
        String test = "everyNewPageIsScreenshottedAndCheckedOnceEvenUnderAStrictContentSecurityPolicy";
        assertThat(screenshot(test + "-1-good.png")).exists().isNotEmptyFile();
        assertThat(screenshot(test + "-2-next.png")).exists().isNotEmptyFile();
        assertThat(browser.sameDocument()).isTrue();
    }

    @Test
    void aBrowserSpeaksSwedishUnlessTheTestAsksOtherwise(Browser browser) {
        browser.open(url("/language"));
        assertThat(browser.text(By.id("accept"))).startsWith("sv-SE");
        assertThat(navigatorLanguage(browser)).isEqualTo("sv-SE");
    }

    @Test
    @BrowserLanguage("en-GB")
    void aTestCanAskForEnglish(Browser browser) {
        browser.open(url("/language"));
        assertThat(browser.text(By.id("accept"))).startsWith("en-GB");
        assertThat(navigatorLanguage(browser)).isEqualTo("en-GB");
    }

    private static Object navigatorLanguage(Browser browser) {
        return ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return navigator.language");
    }

    private static String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    private static Path screenshot(String file) {
        return BrowserExtension.target()
                .resolve("screenshots")
                .resolve("BrowserToolsIT")
                .resolve(file);
    }

    private static String page(String title, String main) {
        return """
                <!DOCTYPE html>
                <html lang="sv"><head><meta charset="utf-8"><title>%s</title></head>
                <body><main id="main"><h1>%s</h1>
                %s
                </main></body></html>""".formatted(title, title, main);
    }
}
