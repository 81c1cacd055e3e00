package se.municipality.eops.portal.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The text of a form's error in the person's language, for the templates ({@code ${@errorTexts.of(error)}}): a
 * service's error whose code the bundles know as {@code field.error.<code>} in our words, its {@code {name}}
 * placeholders filled from the error's params; any other service error in the service's words; our own errors from
 * their message key.
 */
@Component("errorTexts")
public class ErrorTexts {

    static final String CODE_PREFIX = "field.error.";

    private final MessageSource messages;

    ErrorTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String of(FormErrors.Error error) {
        Locale locale = LocaleContextHolder.getLocale();
        if (error.code() != null) {
            String text = messages.getMessage(CODE_PREFIX + error.code(), null, null, locale);
            if (text != null) {
                return filled(text, error.params());
            }
        }
        if (error.text() != null) {
            return error.text();
        }
        // As Thymeleaf shows a key the bundles lack (a test scans pages for them).
        return messages.getMessage(error.messageKey(), null, "??" + error.messageKey() + "??", locale);
    }

    private static String filled(String text, Map<String, String> params) {
        String filled = text;
        for (Map.Entry<String, String> param : params.entrySet()) {
            filled = filled.replace("{" + param.getKey() + "}", param.getValue());
        }
        return filled;
    }
}
