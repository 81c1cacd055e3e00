package se.municipality.eops.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import se.municipality.eops.systemtests.Flows;

/** What several browser tests look for on the portal's pages, by the element ids issue 13 fixes. */
final class PortalPages {

    /** A status that a service changes reaches a request's page within this (the flows' own step). */
    static final Duration LIVE = Flows.FLOW_STEP;

    private PortalPages() {}

    /** The step with the error came back: the summary on top (focused), the input marked and described by it. */
    static void assertFieldError(Browser browser, String field) {
        assertThat(browser.present(By.id("error-summary")))
                .as("the error summary on " + browser.url())
                .isTrue();
        assertThat(browser.present(By.cssSelector("#error-summary a[href='#" + field + "']")))
                .as("the error summary links to " + field)
                .isTrue();
        WebElement input = browser.find(By.id(field));
        assertThat(input.getAttribute("aria-invalid"))
                .as(field + " aria-invalid")
                .isEqualTo("true");
        assertThat(input.getAttribute("aria-describedby"))
                .as(field + " aria-describedby")
                .contains(field + "-error");
        assertThat(browser.text(By.id(field + "-error")))
                .as("the error next to " + field)
                .isNotBlank();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                .as("the focus on the error summary, so a screen reader announces it")
                .isEqualTo("error-summary");
    }

    /** Waits until the request's page shows the status (as the bundle words it), without reloading the page. */
    static void awaitStatus(Browser browser, PortalTexts texts, String status) {
        browser.await(
                "the status " + status + " (" + texts.status(status) + ") on the request's page",
                LIVE,
                driver -> texts.status(status)
                        .equals(driver.findElement(By.id("status")).getText()));
    }

    /** Picks the request type on {@code /requests/new} and starts its draft; the browser is on step 1. */
    static void startDraft(Browser browser, Portal portal, String type) {
        browser.open(portal.url("/requests/new"));
        browser.click(By.cssSelector("input[name=type][value=" + type + "]")).clickAndLoad(By.id("next"));
        assertThat(browser.path()).as("step 1 of a new draft").matches("/drafts/[^/]+/steps/1");
    }

    static void next(Browser browser) {
        browser.clickAndLoad(By.id("next"));
    }
}
