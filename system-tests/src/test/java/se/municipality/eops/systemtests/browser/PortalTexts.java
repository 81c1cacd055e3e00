package se.municipality.eops.systemtests.browser;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The portal's texts as its message bundles have them ({@code web-portal/src/main/resources/messages.properties},
 * Swedish, and {@code messages_en.properties}): the tests expect what the bundle says, so a reworded text does not
 * break them and a page showing the other language's text does.
 */
public final class PortalTexts {

    private final Locale language;
    private final Properties texts;

    private PortalTexts(Locale language, Properties texts) {
        this.language = language;
        this.texts = texts;
    }

    public static PortalTexts swedish() {
        return new PortalTexts(Locale.forLanguageTag("sv"), load("messages.properties"));
    }

    public static PortalTexts english() {
        return new PortalTexts(Locale.ENGLISH, load("messages_en.properties"));
    }

    /** The text of {@code key}, with its {@code {0}}... filled in as Spring's MessageSource does. */
    public String get(String key, Object... arguments) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no text " + key + " in the portal's " + language + " bundle");
        }
        return arguments.length == 0 ? text : new MessageFormat(text, language).format(arguments);
    }

    /** The status as the portal shows it ({@code status.COMPLETED}). */
    public String status(String status) {
        return get("status." + status);
    }

    public Locale language() {
        return language;
    }

    private static Properties load(String bundle) {
        Path root = Paths.get(System.getProperty("eops.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path file = root.resolve("web-portal/src/main/resources").resolve(bundle);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the portal's texts " + file, e);
        }
        return properties;
    }
}
