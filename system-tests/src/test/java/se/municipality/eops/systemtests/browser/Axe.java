package se.municipality.eops.systemtests.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core in the page under test: its script ({@code axe.min.js} from the test classpath, never served by the
 * portal) is injected through WebDriver, which the page's Content-Security-Policy does not govern, and run on the
 * whole document with the WCAG 2.0/2.1 A and AA rules and axe's best practices.
 */
public final class Axe {

    /** The impacts that fail a page; moderate and minor ones are printed only. */
    static final Set<String> FAILING = Set.of("serious", "critical");

    private static final String SCRIPT = load("axe.min.js");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
                resultTypes: ['violations']
            }).then(result => done(JSON.stringify(result.violations)),
                    error => done(JSON.stringify({error: String(error)})));
            """;

    private Axe() {}

    /** One rule broken on the page, with the elements that break it. */
    public record Violation(String rule, String impact, String help, String helpUrl, List<String> targets) {

        boolean fails() {
            return FAILING.contains(impact);
        }

        @Override
        public String toString() {
            return "[" + impact + "] " + rule + ": " + help + " (" + helpUrl + ")\n      at "
                    + String.join("\n      at ", targets);
        }
    }

    /** Every violation axe finds on the page now loaded in {@code driver}. */
    public static List<Violation> check(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SCRIPT);
        }
        Object answer = js.executeAsyncScript(RUN);
        JsonNode violations = JSON.readTree(String.valueOf(answer));
        if (violations.has("error")) {
            throw new IllegalStateException(
                    "axe-core failed on " + driver.getCurrentUrl() + ": " + violations.get("error"));
        }
        List<Violation> found = new ArrayList<>();
        for (JsonNode violation : violations) {
            List<String> targets = new ArrayList<>();
            for (JsonNode node : violation.get("nodes")) {
                String html = node.path("html").asString("");
                targets.add(node.path("target").toString() + " "
                        + (html.length() > 160 ? html.substring(0, 160) + "…" : html));
            }
            found.add(new Violation(
                    violation.path("id").asString(""),
                    violation.path("impact").asString("unknown"),
                    violation.path("help").asString(""),
                    violation.path("helpUrl").asString(""),
                    targets));
        }
        return found;
    }

    /**
     * Runs axe on the page; prints every violation and throws an {@link AssertionError} naming the serious and
     * critical ones.
     */
    public static List<Violation> assertNoSeriousViolations(WebDriver driver, String page) {
        List<Violation> violations = check(driver);
        if (!violations.isEmpty()) {
            System.out.println("axe on " + page + " (" + driver.getCurrentUrl() + "): " + violations.size()
                    + " violation(s)\n  "
                    + String.join(
                            "\n  ", violations.stream().map(Violation::toString).toList()));
        }
        List<Violation> failing = violations.stream().filter(Violation::fails).toList();
        if (!failing.isEmpty()) {
            throw new AssertionError("axe-core found " + failing.size() + " serious or critical accessibility"
                    + " violation(s) on " + page + " (" + driver.getCurrentUrl() + "):\n  "
                    + String.join(
                            "\n  ", failing.stream().map(Violation::toString).toList()));
        }
        return violations;
    }

    private static String load(String resource) {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        resource + " is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
