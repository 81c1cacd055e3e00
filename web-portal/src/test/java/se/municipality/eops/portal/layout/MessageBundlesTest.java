package se.municipality.eops.portal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Swedish and English say the same things: every key of one bundle is in the other, and none is empty. */
class MessageBundlesTest {

    @Test
    void everySwedishKeyHasAnEnglishTextAndViceVersa() throws IOException {
        Properties swedish = load("/messages.properties");
        Properties english = load("/messages_en.properties");

        Set<String> missingInEnglish = new TreeSet<>(swedish.stringPropertyNames());
        missingInEnglish.removeAll(english.stringPropertyNames());
        Set<String> missingInSwedish = new TreeSet<>(english.stringPropertyNames());
        missingInSwedish.removeAll(swedish.stringPropertyNames());

        assertThat(missingInEnglish)
                .as("keys in messages.properties but not in messages_en.properties")
                .isEmpty();
        assertThat(missingInSwedish)
                .as("keys in messages_en.properties but not in messages.properties")
                .isEmpty();
        assertThat(swedish.stringPropertyNames())
                .as("the bundles hold the portal's texts")
                .hasSizeGreaterThan(50);
    }

    @Test
    void noTextIsEmpty() throws IOException {
        for (String bundle : new String[] {"/messages.properties", "/messages_en.properties"}) {
            Properties texts = load(bundle);
            assertThat(texts.stringPropertyNames())
                    .as("empty texts in %s", bundle)
                    .noneMatch(key -> texts.getProperty(key).isBlank());
        }
    }

    static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader =
                new InputStreamReader(MessageBundlesTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
