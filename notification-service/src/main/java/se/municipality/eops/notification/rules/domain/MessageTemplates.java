package se.municipality.eops.notification.rules.domain;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.municipality.eops.notification.delivery.domain.Message;

/**
 * Renders a template from the bundles {@code templates/notifications_sv/_en.properties}: per template a {@code
 * .subject} and a {@code .text} in {@link MessageFormat} syntax and the event fields that fill them, {@code .args}
 * (comma-separated; {@code a|b} takes the first present, {@code list[].field} joins a list's fields, {@code field as
 * kind} shows a code as its label {@code label.<kind>.<CODE>} in the mail's language, the code itself when there is
 * no label: the contract's enums may grow; {@code field as duration} an ISO-8601 duration in days, hours or minutes;
 * {@code field as day} the date of an instant at midnight in Swedish time, {@code field as lastDay} the last day
 * before an exclusive end at midnight; date and time when not at midnight).
 *
 * <p>A template may word its text by the value of one field, {@code .variant}: {@code .text.<VALUE>} (and {@code
 * .subject.<VALUE>}) where the bundle has it, else {@code .text}. A line of the text written {@code ?...} is left out
 * when a value it names is absent; elsewhere an absent value reads "–", so no placeholder is ever left. The HTML part
 * is the text, escaped, paragraph by paragraph, with the link as a link: to the portal's page for the recipient
 * ({@link PortalLinks}).
 *
 * <p>Templates name only fields that are no personal data of citizens: purge mails carry counts and
 * references, never case content.
 */
public final class MessageTemplates {

    public static final String SWEDISH = "sv";
    public static final String ENGLISH = "en";
    static final String MISSING = "–";
    private static final String OPTIONAL = "?";
    private static final String DURATION = "duration";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private static final ZoneId SWEDISH_TIME = ZoneId.of("Europe/Stockholm");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*Z");

    private static final String DAY = "day";
    private static final String LAST_DAY = "lastDay";

    private final String baseName;
    private final PortalLinks links;

    /**
     * @param frontendBaseUrl the web portal, where the recipients open what a mail is about; null for no link
     */
    public MessageTemplates(String baseName, String frontendBaseUrl) {
        this.baseName = baseName;
        this.links = new PortalLinks(frontendBaseUrl);
    }

    /** Whether the bundles have the template (in Swedish, which every template has). */
    public boolean has(String template) {
        return bundle(SWEDISH).containsKey(template + ".subject");
    }

    public static String languageOrDefault(String language) {
        return ENGLISH.equals(language) ? ENGLISH : SWEDISH;
    }

    /**
     * The template for one recipient: the link, in the text and the HTML part alike, goes to the portal's page for
     * whom the rule's recipient {@code to} finds ({@link PortalLinks}); none when {@code to} is null.
     */
    public Message render(String template, String language, Map<String, Object> fields, RecipientSpec to) {
        String lang = languageOrDefault(language);
        ResourceBundle bundle = bundle(lang);
        String[] args = arguments(bundle, template, fields, lang);
        String variant = variantOf(bundle, template, fields);
        String subject = format(bundle, keyOf(bundle, template + ".subject", variant), args, lang, false);
        String text = format(bundle, keyOf(bundle, template + ".text", variant), args, lang, true);
        PortalLinks.Link link = links.to(to, fields).orElse(null);
        if (link != null) {
            String label = bundle.containsKey("link." + link.page())
                    ? bundle.getString("link." + link.page())
                    : bundle.getString("link");
            text = text + "\n\n" + label + " " + link.url();
        }
        text = text + "\n\n" + bundle.getString("footer");
        return Message.withHtmlPart(lang, subject, text, link == null ? null : link.url());
    }

    /**
     * The label of a code in the language, {@code label.<kind>.<CODE>} of the bundle (e.g. {@code label.status.FAILED}
     * "misslyckad"); the code itself when the bundle has none (a value added to the contract after this bundle).
     */
    public String label(String kind, String code, String language) {
        if (code == null || code.isBlank()) {
            return MISSING;
        }
        ResourceBundle bundle = bundle(languageOrDefault(language));
        String key = "label." + kind + "." + code;
        return bundle.containsKey(key) ? bundle.getString(key) : code;
    }

    /**
     * A day of a period made of whole days in Swedish time, as a date: {@code day} the day an instant at midnight
     * begins, {@code lastDay} the day before an exclusive end at midnight (a period from 1 to 12 January, inclusive,
     * ends at 13 January 00:00): the last day it covers. An instant not at midnight (a period not of whole days) reads
     * as date and time; text that is no instant as it is.
     */
    private static String day(String text, boolean exclusiveEnd, String lang) {
        ZonedDateTime at;
        try {
            at = Instant.parse(text).atZone(SWEDISH_TIME);
        } catch (DateTimeParseException notAnInstant) {
            return text;
        }
        if (!at.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return dateTime(at, lang);
        }
        DateTimeFormatter format = ENGLISH.equals(lang)
                ? DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
                : DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv-SE"));
        return (exclusiveEnd ? at.toLocalDate().minusDays(1) : at.toLocalDate()).format(format);
    }

    private static String dateTime(ZonedDateTime at, String lang) {
        DateTimeFormatter format = ENGLISH.equals(lang)
                ? DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH)
                : DateTimeFormatter.ofPattern("d MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("sv-SE"));
        return at.format(format);
    }

    /** An ISO-8601 duration in words: whole days, else whole hours, else minutes; as it is when it is none. */
    private static String duration(String text, ResourceBundle bundle, String lang) {
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException notADuration) {
            return text;
        }
        String unit;
        long amount;
        if (duration.toHours() % 24 == 0 && duration.toDays() > 0 && duration.toMinutesPart() == 0) {
            unit = "days";
            amount = duration.toDays();
        } else if (duration.toMinutesPart() == 0 && duration.toHours() > 0) {
            unit = "hours";
            amount = duration.toHours();
        } else {
            unit = "minutes";
            amount = duration.toMinutes();
        }
        return new MessageFormat(bundle.getString("label." + DURATION + "." + unit), Locale.forLanguageTag(lang))
                .format(new Object[] {amount});
    }

    private ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(baseName, Locale.forLanguageTag(language), NO_FALLBACK_TO_JVM_LOCALE);
    }

    private static final ResourceBundle.Control NO_FALLBACK_TO_JVM_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The value of the template's {@code .variant} field, when it names one and the event has it. */
    private static String variantOf(ResourceBundle bundle, String template, Map<String, Object> fields) {
        String key = template + ".variant";
        if (!bundle.containsKey(key)) {
            return null;
        }
        Object value = lookup(bundle.getString(key).strip(), fields);
        return value == null || value instanceof Map<?, ?> || value instanceof List<?> ? null : value.toString();
    }

    private static String keyOf(ResourceBundle bundle, String key, String variant) {
        return variant != null && bundle.containsKey(key + "." + variant) ? key + "." + variant : key;
    }

    /**
     * Formats line by line: a line written {@code ?...} is left out when one of its values is absent (null in {@code
     * args}); elsewhere an absent value reads "–".
     */
    private static String format(
            ResourceBundle bundle, String key, String[] args, String language, boolean optionalLines) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException missing) {
            throw new IllegalArgumentException("no template text " + key + " in " + language, missing);
        }
        Object[] shown =
                Arrays.stream(args).map(arg -> arg == null ? MISSING : arg).toArray();
        List<String> lines = new ArrayList<>();
        for (String line : pattern.split("\n", -1)) {
            if (optionalLines && line.startsWith(OPTIONAL)) {
                line = line.substring(OPTIONAL.length());
                if (namesAnAbsentValue(line, args)) {
                    continue;
                }
            }
            lines.add(new MessageFormat(line, Locale.forLanguageTag(language)).format(shown));
        }
        // A left-out line may leave a blank line behind it, or two in a row.
        return String.join("\n", lines).replaceAll("\n{3,}", "\n\n").strip();
    }

    private static boolean namesAnAbsentValue(String line, String[] args) {
        Matcher placeholder = PLACEHOLDER.matcher(line);
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            if (index >= args.length || args[index] == null) {
                return true;
            }
        }
        return false;
    }

    private static String[] arguments(ResourceBundle bundle, String template, Map<String, Object> fields, String lang) {
        String key = template + ".args";
        if (!bundle.containsKey(key) || bundle.getString(key).isBlank()) {
            return new String[0];
        }
        return Arrays.stream(bundle.getString(key).split(","))
                .map(String::strip)
                .map(path -> valueOf(path, fields, bundle, lang))
                .toArray(String[]::new);
    }

    /** The first present of the alternatives, shown for people; null when none is. */
    private static String valueOf(String alternatives, Map<String, Object> fields, ResourceBundle bundle, String lang) {
        for (String alternative : alternatives.split("\\|")) {
            String[] pathAndKind = alternative.strip().split("\\s+as\\s+", 2);
            String kind = pathAndKind.length == 2 ? pathAndKind[1].strip() : null;
            String value = display(lookup(pathAndKind[0], fields), kind, bundle, lang);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
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

    private static String display(Object value, String kind, ResourceBundle bundle, String lang) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .map(item -> display(item, kind, bundle, lang))
                    .filter(item -> item != null && !item.isBlank())
                    .reduce((a, b) -> a + ", " + b)
                    .orElse(null);
        }
        if (value instanceof Map<?, ?>) {
            return null; // a whole object is no text for people; templates name its fields
        }
        String text = value.toString();
        if (DURATION.equals(kind)) {
            return duration(text, bundle, lang);
        }
        if (DAY.equals(kind) || LAST_DAY.equals(kind)) {
            return day(text, LAST_DAY.equals(kind), lang);
        }
        if (kind != null) {
            String key = "label." + kind + "." + text;
            return bundle.containsKey(key) ? bundle.getString(key) : text;
        }
        if (INSTANT.matcher(text).matches()) {
            try {
                return dateTime(Instant.parse(text).atZone(SWEDISH_TIME), lang);
            } catch (DateTimeParseException notAnInstant) {
                return text;
            }
        }
        return text;
    }
}
