package se.municipality.eops.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import se.municipality.eops.systemtests.Flows;
import se.municipality.eops.systemtests.Suite;

/**
 * Who sees what in the portal, and that logging out ends the session: a requester sees only his own requests
 * (another's is "not found" for him, as the API answers), a person without a requester role cannot reach the form,
 * and after logout the portal asks for a login again.
 */
@BrowserTest
class PeopleAndSessionsIT {

    private final Suite suite = Suite.get();
    private final Flows flows = new Flows(suite);
    private final Portal portal = new Portal(suite);
    private final PortalTexts texts = PortalTexts.swedish();

    @Test
    void erikSeesOnlyHisOwnRequestsAndAnnasRequestIsNotFoundForHim(Browser browser) {
        String annas = flows.file("anna", testCasePurge(Flows.unique("es-anna")));
        String eriks = flows.file("erik", testCasePurge(Flows.unique("es-erik")));
        portal.logIn(browser, "erik");

        browser.open(portal.url("/requests"));
        assertThat(browser.text(By.id("my-requests"))).contains(eriks).doesNotContain(annas);

        browser.open(portal.url("/requests/" + annas));
        assertThat(browser.h1()).isEqualTo(texts.get("error.404.title"));
        assertThat(browser.responseStatus()).isEqualTo(404);
        assertThat(browser.text(By.id("main"))).doesNotContain(annas);

        browser.open(portal.url("/requests/" + eriks));
        assertThat(browser.h1()).contains(eriks);
    }

    @Test
    void nilsWithoutARequesterRoleCannotReachTheForm(Browser browser) {
        portal.logIn(browser, "nils");
        assertThat(browser.present(By.cssSelector("a[href='/requests/new']")))
                .as("no way to the form in nils's navigation")
                .isFalse();

        browser.open(portal.url("/requests/new"));
        assertThat(browser.h1()).isEqualTo(texts.get("error.403.title"));
        assertThat(browser.responseStatus()).isEqualTo(403);
        assertThat(browser.present(By.id("next"))).as("no form on the 403 page").isFalse();

        browser.open(portal.url("/requests"));
        assertThat(browser.h1()).isEqualTo(texts.get("error.403.title"));
    }

    @Test
    void afterLogoutThePortalAsksForALoginAgain(Browser browser) {
        portal.logIn(browser, "anna");
        browser.open(portal.url("/requests"));
        assertThat(browser.h1()).isEqualTo(texts.get("requests.mine.title"));

        portal.logOut(browser);
        assertThat(browser.present(By.id("person-name")))
                .as("signed out: nobody's name shown")
                .isFalse();
        assertThat(browser.present(By.id("logout"))).isFalse();

        browser.open(portal.url("/requests"));
        assertThat(portal.onLoginPage(browser))
                .as("the next page asks for a login, at " + browser.url())
                .isTrue();
    }

    private static String testCasePurge(String es) {
        return """
                {"type":"PURGE","purge":{"kind":"TEST_CASES","eServiceId":"%1$s","eServiceName":"E-tjänst %1$s"}}""".formatted(es);
    }
}
