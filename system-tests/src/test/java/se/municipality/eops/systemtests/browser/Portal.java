package se.municipality.eops.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import se.municipality.eops.systemtests.Suite;

/**
 * The web portal as the browser tests use it: started on first use (only a browser test class starts it, so the
 * other system tests pay nothing), its URLs, and logging in and out at the suite's sign-in (local-identity) as a
 * person does, with the demo password.
 */
public final class Portal {

    /** The demo users' password at the sign-in (EOPS_DEMO_PASSWORD's default, as the README shows it). */
    static final String DEMO_PASSWORD = "demo";

    private static final Pattern REQUEST_ID = Pattern.compile("/requests/(REQ-[A-Za-z0-9]+)");

    private final Suite suite;

    public Portal(Suite suite) {
        this.suite = suite;
        suite.portal();
    }

    public String url(String path) {
        return suite.portalBaseUrl() + path;
    }

    /**
     * Opens the portal, which sends a browser without a session to the sign-in; logs in as {@code user} there and
     * comes back to the portal's start page with the person's name in the header.
     */
    public void logIn(Browser browser, String user) {
        browser.open(url("/"));
        assertThat(onLoginPage(browser))
                .as("a browser without a session is asked to log in, at " + browser.url())
                .isTrue();
        browser.type(By.id("username"), user)
                .type(By.id("password"), DEMO_PASSWORD)
                .clickAndLoad(By.cssSelector("form button[type=submit], form input[type=submit]"));
        assertThat(browser.url()).as("back at the portal after logging in").startsWith(suite.portalBaseUrl());
        assertThat(browser.present(By.id("person-name")))
                .as("the person's name in the header of " + browser.url())
                .isTrue();
    }

    /** The logout button (a form with the CSRF token); where the browser ends is the caller's to check. */
    public void logOut(Browser browser) {
        browser.clickAndLoad(By.id("logout"));
    }

    /** True when the browser shows the sign-in's login form (not a portal page). */
    public boolean onLoginPage(Browser browser) {
        return browser.url().startsWith(suite.identityUri())
                && browser.present(By.id("username"))
                && browser.present(By.id("password"));
    }

    /** The request id of a request's page ({@code /requests/REQ-…}). */
    public static String requestIdOf(Browser browser) {
        Matcher matcher = REQUEST_ID.matcher(browser.path());
        assertThat(matcher.matches()).as("a request's page: " + browser.url()).isTrue();
        return matcher.group(1);
    }
}
