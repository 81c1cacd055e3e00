package se.municipality.eops.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import se.municipality.eops.systemtests.Suite;

/**
 * The same walk in Swedish (the portal's default) and in English (chosen with the language switch, kept by a
 * cookie on the pages after it): each page's texts are the bundle's of that language, {@code <html lang>} says which.
 */
@BrowserTest
class LanguagesIT {

    private final Suite suite = Suite.get();
    private final Portal portal = new Portal(suite);

    @Test
    void aWalkInSwedish(Browser browser) {
        portal.logIn(browser, "anna");
        walk(browser, PortalTexts.swedish(), "sv");
    }

    @Test
    @BrowserLanguage("en-GB")
    void aWalkInEnglish(Browser browser) {
        portal.logIn(browser, "anna");
        PortalTexts swedish = PortalTexts.swedish();
        assertThat(browser.htmlLang()).as("Swedish until English is chosen").isEqualTo("sv");
        assertThat(browser.h1()).isEqualTo(swedish.get("home.greeting", "Anna Andersson"));

        browser.clickAndLoad(By.id("lang-en"));
        walk(browser, PortalTexts.english(), "en");
    }

    /** Start page, my requests, the new request's type picker sent without a choice (the error in the language). */
    private void walk(Browser browser, PortalTexts texts, String lang) {
        browser.open(portal.url("/"));
        assertThat(browser.htmlLang()).isEqualTo(lang);
        assertThat(browser.h1()).isEqualTo(texts.get("home.greeting", "Anna Andersson"));
        assertThat(browser.text(By.id("logout"))).isEqualTo(texts.get("layout.logout"));

        browser.open(portal.url("/requests"));
        assertThat(browser.htmlLang()).isEqualTo(lang);
        assertThat(browser.h1()).isEqualTo(texts.get("requests.mine.title"));

        browser.open(portal.url("/requests/new"));
        assertThat(browser.h1()).isEqualTo(texts.get("requests.new.title"));
        browser.clickAndLoad(By.id("next"));
        assertThat(browser.htmlLang()).isEqualTo(lang);
        assertThat(browser.text(By.id("error-summary"))).contains(texts.get("requests.new.type.required"));
        assertThat(browser.text(By.id("type-error"))).contains(texts.get("requests.new.type.required"));
    }
}
