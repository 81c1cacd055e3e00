package se.municipality.eops.systemtests.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.municipality.eops.starter.rules.FieldErrorCodes;

/**
 * The kinds of field errors the services share ({@link FieldErrorCodes}) and request-service's own (its {@code
 * ViolationCodes}: the request form's) each have a text in the web portal, in Swedish and in English: the portal says
 * a refusal in the person's words only for the kinds it knows, and falls back to the service's English otherwise. The
 * portal depends on neither, so they meet here, where the starter's classes and the sources are at hand.
 */
class PortalErrorTextsTest {

    private static final Path PORTAL_RESOURCES = Path.of("..", "web-portal", "src", "main", "resources");
    private static final Path REQUEST_SERVICE_CODES = Path.of(
            "..",
            "request-service",
            "src",
            "main",
            "java",
            "se",
            "municipality",
            "eops",
            "request",
            "filing",
            "domain",
            "ViolationCodes.java");
    private static final Path TIMELINE_ENTRY = REQUEST_SERVICE_CODES.resolveSibling("TimelineEntry.java");
    private static final Pattern TIMELINE_KINDS = Pattern.compile("(?s)enum Kind \\{(.*?)\\}");
    /** A kind of its own in ViolationCodes: a constant with a literal value (the others point at FieldErrorCodes). */
    private static final Pattern OWN_KIND = Pattern.compile("public static final String \\w+ = \"([a-z][a-z-]*)\";");

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void everySharedKindOfFieldErrorHasAText(String bundle) throws IOException {
        Properties texts = new Properties();
        try (Reader reader = Files.newBufferedReader(PORTAL_RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
            texts.load(reader);
        }
        List<String> codes = sharedCodes();
        List<String> requestFormCodes = requestServiceOwnCodes();
        codes.addAll(requestFormCodes);

        assertThat(codes).hasSizeGreaterThan(20).contains(FieldErrorCodes.REQUIRED, FieldErrorCodes.BUSY);
        assertThat(requestFormCodes).contains("control-characters", "account-email");
        assertThat(codes)
                .as("kinds without a field.error.<kind> text in the portal's %s", bundle)
                .allSatisfy(code -> assertThat(texts.getProperty("field.error." + code))
                        .as("field.error." + code)
                        .isNotBlank());
    }

    /**
     * Every kind of entry on a request's timeline (request-service's {@code TimelineEntry.Kind}) has its label in the
     * portal, which renders {@code requests.timeline.<kind>} for each entry: a kind added without one showed as a
     * missing message on the request's page.
     */
    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void everyKindOfTimelineEntryHasALabel(String bundle) throws IOException {
        Properties texts = new Properties();
        try (Reader reader = Files.newBufferedReader(PORTAL_RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
            texts.load(reader);
        }
        String source = Files.readString(TIMELINE_ENTRY, StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        Matcher enumBody = TIMELINE_KINDS.matcher(source);
        assertThat(enumBody.find()).as("enum Kind in " + TIMELINE_ENTRY).isTrue();
        List<String> kinds = new ArrayList<>();
        Matcher constant =
                Pattern.compile("(?m)^\\s*([A-Z][A-Z_]*)\\s*[,}]?\\s*$").matcher(enumBody.group(1));
        while (constant.find()) {
            kinds.add(constant.group(1));
        }

        assertThat(kinds).contains("STATUS_CHANGED", "LATE_EVENT").hasSizeGreaterThan(4);
        assertThat(kinds)
                .as("kinds of timeline entry without a requests.timeline.<kind> label in the portal's %s", bundle)
                .allSatisfy(kind -> assertThat(texts.getProperty("requests.timeline." + kind))
                        .as("requests.timeline." + kind)
                        .isNotBlank());
    }

    private static List<String> requestServiceOwnCodes() throws IOException {
        List<String> codes = new ArrayList<>();
        Matcher kinds = OWN_KIND.matcher(Files.readString(REQUEST_SERVICE_CODES, StandardCharsets.UTF_8));
        while (kinds.find()) {
            codes.add(kinds.group(1));
        }
        return codes;
    }

    private static List<String> sharedCodes() {
        List<String> codes = new ArrayList<>();
        for (Field field : FieldErrorCodes.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class) {
                try {
                    codes.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return codes;
    }
}
