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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.municipality.eops.starter.rules.FieldErrorCodes;

/**
 * The kinds of field errors the services share ({@link FieldErrorCodes}) each have a text in the web portal, in
 * Swedish and in English: the portal says a refusal in the person's words only for the kinds it knows, and falls back
 * to the service's English otherwise. The portal does not depend on the starter, so the two meet here, where both are
 * at hand (the portal's bundles from its sources).
 */
class PortalErrorTextsTest {

    private static final Path PORTAL_RESOURCES = Path.of("..", "web-portal", "src", "main", "resources");

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void everySharedKindOfFieldErrorHasAText(String bundle) throws IOException {
        Properties texts = new Properties();
        try (Reader reader = Files.newBufferedReader(PORTAL_RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
            texts.load(reader);
        }
        List<String> codes = sharedCodes();

        assertThat(codes).hasSizeGreaterThan(20).contains(FieldErrorCodes.REQUIRED, FieldErrorCodes.BUSY);
        assertThat(codes)
                .as("kinds without a field.error.<kind> text in the portal's %s", bundle)
                .allSatisfy(code -> assertThat(texts.getProperty("field.error." + code))
                        .as("field.error." + code)
                        .isNotBlank());
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
