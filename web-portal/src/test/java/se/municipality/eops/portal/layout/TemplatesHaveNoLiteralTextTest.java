package se.municipality.eops.portal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every visible text comes from the bundles: no template holds text between tags or in a text attribute, every
 * message key a template names exists, and nothing is inline (the CSP allows no inline script or style).
 */
class TemplatesHaveNoLiteralTextTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern TEXT_BETWEEN_TAGS = Pattern.compile(">([^<]*)<");
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("=\"[^\"]*\"");
    private static final Pattern TEXT_ATTRIBUTE =
            Pattern.compile("(?<![:\\w-])(aria-label|title|alt|placeholder|value)=\"([^\"]*[A-Za-zåäöÅÄÖ][^\"]*)\"");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
    private static final Pattern MESSAGES_MSG = Pattern.compile("#messages\\.msg\\('([A-Za-z0-9_.]*[A-Za-z0-9_])'");
    private static final Pattern INLINE =
            Pattern.compile("(?i)(\\sstyle=|\\son[a-z]+=|<script(?![^>]*\\bth:src=)[^>]*>|<style)");

    @Test
    void noTemplateHoldsLiteralText() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            String html = COMMENT.matcher(read(template)).replaceAll("");
            // Expressions in attributes hold > and < (th:if="${a > b}"): only text outside them counts
            Matcher text =
                    TEXT_BETWEEN_TAGS.matcher(ATTRIBUTE_VALUE.matcher(html).replaceAll("=\"\""));
            while (text.find()) {
                if (!text.group(1).isBlank()) {
                    found.add(template + ": text \"" + text.group(1).strip() + "\"");
                }
            }
            Matcher attribute = TEXT_ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                // machine values (value="true", value="next") are not text for people
                if (!attribute.group(1).equals("value") || attribute.group(2).contains(" ")) {
                    found.add(template + ": " + attribute.group(1) + "=\"" + attribute.group(2) + "\"");
                }
            }
        }
        assertThat(found)
                .as("literal text in templates (put it in the bundles)")
                .isEmpty();
    }

    @Test
    void everyMessageKeyATemplateNamesIsInTheBundles() throws IOException {
        Properties swedish = MessageBundlesTest.load("/messages.properties");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            String html = COMMENT.matcher(read(template)).replaceAll("");
            for (Pattern key : List.of(MESSAGE_KEY, MESSAGES_MSG)) {
                Matcher matcher = key.matcher(html);
                while (matcher.find()) {
                    if (!swedish.containsKey(matcher.group(1))) {
                        missing.add(template + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("message keys not in messages.properties").isEmpty();
    }

    @Test
    void nothingIsInlineSoTheContentSecurityPolicyHolds() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            Matcher inline = INLINE.matcher(COMMENT.matcher(read(template)).replaceAll(""));
            while (inline.find()) {
                found.add(template + ": " + inline.group(1).strip());
            }
        }
        assertThat(found).as("inline script, style or event handler").isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<Path> html = files.filter(path -> path.toString().endsWith(".html"))
                    .sorted()
                    .toList();
            assertThat(html).as("templates found").hasSizeGreaterThan(5);
            return html;
        }
    }

    private static String read(Path template) throws IOException {
        return Files.readString(template, StandardCharsets.UTF_8);
    }
}
