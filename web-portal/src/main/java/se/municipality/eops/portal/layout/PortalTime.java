package se.municipality.eops.portal.layout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import se.municipality.eops.portal.PortalProperties;

/**
 * Times as people here read them: in Europe/Stockholm ({@code eops.portal.time-zone}), in the page's language.
 * Templates call it as {@code ${@times.format(request.submittedAt)}} and put the instant in a
 * {@code <time datetime>} for machines.
 */
@Component("times")
public class PortalTime {

    private final ZoneId zone;

    PortalTime(PortalProperties properties) {
        this.zone = properties.timeZone();
    }

    /** Date and time to the minute, e.g. {@code 7 dec. 2026 11:15} (sv) or {@code 7 Dec 2026, 11:15} (en). */
    public String format(Instant instant) {
        return format(instant, LocaleContextHolder.getLocale());
    }

    public String format(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone)
                .format(instant);
    }

    /** A date alone, e.g. {@code 2026-12-07} (sv) or {@code 7 Dec 2026} (en). */
    public String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale())
                .withZone(zone)
                .format(instant);
    }

    /**
     * The last day of a period that ends (exclusively) at {@code end}, as a date: a delegation until midnight after
     * 2026-12-22 reads "2026-12-22", not "Dec 23, 12:00 AM".
     */
    public String lastDay(Instant end) {
        return end == null ? "" : date(end.minusNanos(1));
    }

    /** {@link #lastDay} for machines ({@code <time datetime>}): {@code 2026-12-22}. */
    public String isoLastDay(Instant end) {
        return end == null ? "" : isoDate(end.minusNanos(1));
    }

    /** The date of {@code instant} here, for machines: {@code 2026-12-22}. */
    public String isoDate(Instant instant) {
        return instant == null ? "" : LocalDate.ofInstant(instant, zone).toString();
    }

    public ZoneId zone() {
        return zone;
    }
}
