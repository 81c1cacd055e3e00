package se.municipality.eops.systemtests.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The language of the browser for a test or a test class: its {@code --lang} and Accept-Language, as a BCP 47 tag
 * ({@code sv-SE}, {@code en-GB}). Without it a browser speaks Swedish.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface BrowserLanguage {
    String value();
}
