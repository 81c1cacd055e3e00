package se.municipality.eops.notification.rules.domain;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import se.municipality.eops.notification.delivery.domain.Message;

/**
 * Renders a template from the bundles {@code notification-templates_sv/_en.properties}: per template
 * a {@code .subject} and a {@code .text} in {@link MessageFormat} syntax and the event fields that
 * fill them, {@code .args} (comma-separated; {@code a|b} takes the first present, {@code list[].field}
 * joins a list's fields). A field the event lacks reads "–", so no placeholder is ever left. The HTML
 * part is the text, escaped, paragraph by paragraph, with the link as a link.
 *
 * <p>Templates name only fields that are no personal data of citizens: purge mails carry counts and
 * references, never case content.
 */
public final class MessageTemplates {

    public static final String SWEDISH = "sv";
    public static final String ENGLISH = "en";
    static final String MISSING = "–";

    private static final ZoneId SWEDISH_TIME = ZoneId.of("Europe/Stockholm");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*Z");

    private final String baseName;
    private final String frontendBaseUrl;

    /**
     * @param frontendBaseUrl where people follow requests in the web front end; null for no link
     */
    public MessageTemplates(String baseName, String frontendBaseUrl) {
        this.baseName = baseName;
        this.frontendBaseUrl = frontendBaseUrl == null || frontendBaseUrl.isBlank()
                ? null
                : frontendBaseUrl.strip().replaceAll("/+$", "");
    }

    /** Whether the bundles have the template (in Swedish, which every template has). */
    public boolean has(String template) {
        return bundle(SWEDISH).containsKey(template + ".subject");
    }

    public static String languageOrDefault(String language) {
        return ENGLISH.equals(language) ? ENGLISH : SWEDISH;
    }

    public Message render(String template, String language, Map<String, Object> fields) {
        String lang = languageOrDefault(language);
        ResourceBundle bundle = bundle(lang);
        Object[] args = arguments(bundle, template, fields, lang);
        String subject = format(bundle, template + ".subject", args, lang);
        String text = format(bundle, template + ".text", args, lang);
        String link = linkTo(fields.get("requestId"));
        if (link != null) {
            text = text + "\n\n" + bundle.getString("link") + " " + link;
        }
        text = text + "\n\n" + bundle.getString("footer");
        return Message.withHtmlPart(lang, subject, text, link);
    }

    /** The request in the front end, {@code <base>/requests/<id>}; null without a front end or request. */
    public String linkTo(Object requestId) {
        if (frontendBaseUrl == null || requestId == null || requestId.toString().isBlank()) {
            return null;
        }
        return frontendBaseUrl + "/requests/"
                + java.net.URLEncoder.encode(requestId.toString(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
    }

    private ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(baseName, Locale.forLanguageTag(language), NO_FALLBACK_TO_JVM_LOCALE);
    }

    private static final ResourceBundle.Control NO_FALLBACK_TO_JVM_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static String format(ResourceBundle bundle, String key, Object[] args, String language) {
        try {
            return new MessageFormat(bundle.getString(key), Locale.forLanguageTag(language)).format(args);
        } catch (MissingResourceException missing) {
            throw new IllegalArgumentException("no template text " + key + " in " + language, missing);
        }
    }

    private static Object[] arguments(ResourceBundle bundle, String template, Map<String, Object> fields, String lang) {
        String key = template + ".args";
        if (!bundle.containsKey(key) || bundle.getString(key).isBlank()) {
            return new Object[0];
        }
        return Arrays.stream(bundle.getString(key).split(","))
                .map(String::strip)
                .map(path -> valueOf(path, fields, lang))
                .toArray();
    }

    private static String valueOf(String alternatives, Map<String, Object> fields, String lang) {
        for (String path : alternatives.split("\\|")) {
            String value = display(lookup(path.strip(), fields), lang);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return MISSING;
    }

    private static Object lookup(String path, Object node) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        if (head.endsWith("[]")) {
            Object list = node instanceof Map<?, ?> map ? map.get(head.substring(0, head.length() - 2)) : null;
            if (!(list instanceof List<?> items)) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            for (Object item : items) {
                Object value = rest == null ? item : lookup(rest, item);
                if (value != null) {
                    values.add(value);
                }
            }
            return values;
        }
        Object value = node instanceof Map<?, ?> map ? map.get(head) : null;
        return rest == null || value == null ? value : lookup(rest, value);
    }

    private static String display(Object value, String lang) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .map(item -> display(item, lang))
                    .filter(item -> item != null && !item.isBlank())
                    .reduce((a, b) -> a + ", " + b)
                    .orElse(null);
        }
        if (value instanceof Map<?, ?>) {
            return null; // a whole object is no text for people; templates name its fields
        }
        String text = value.toString();
        if (INSTANT.matcher(text).matches()) {
            try {
                DateTimeFormatter format = ENGLISH.equals(lang)
                        ? DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH)
                        : DateTimeFormatter.ofPattern("d MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("sv-SE"));
                return Instant.parse(text).atZone(SWEDISH_TIME).format(format);
            } catch (DateTimeParseException notAnInstant) {
                return text;
            }
        }
        return text;
    }
}
