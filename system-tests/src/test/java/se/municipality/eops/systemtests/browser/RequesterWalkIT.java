package se.municipality.eops.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.systemtests.browser.PortalPages.assertFieldError;
import static se.municipality.eops.systemtests.browser.PortalPages.awaitStatus;
import static se.municipality.eops.systemtests.browser.PortalPages.next;
import static se.municipality.eops.systemtests.browser.PortalPages.startDraft;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import se.municipality.eops.systemtests.Flows;
import se.municipality.eops.systemtests.Service;
import se.municipality.eops.systemtests.Suite;
import se.municipality.eops.testkit.HttpAnswer;
import tools.jackson.databind.JsonNode;

/**
 * Anna (an e-service administrator) files each type of request in the portal, through the steps request-service
 * publishes, with an error shown next to its field and corrected on the way, and follows the request on its page
 * as the services move it. In Swedish, the portal's default.
 */
@BrowserTest
class RequesterWalkIT {

    private static final List<String> MANDATORY_CHECKLIST =
            List.of("accessibility", "information-text", "test-cases", "contact");

    private final Suite suite = Suite.get();
    private final Flows flows = new Flows(suite);
    private final Portal portal = new Portal(suite);
    private final PortalTexts texts = PortalTexts.swedish();

    /**
     * A brand-new e-service: its name forgotten on step 1 (the error next to the field and in the summary), given;
     * the draft kept when going back a step and on a reload; the checklist ticked; the summary; filed once; the
     * request's page shows it waiting for review as soon as publication-service has sent it there.
     */
    @Test
    void annaFilesABrandNewEServiceThroughTheStepsCorrectingAForgottenNameOnTheWay(Browser browser) {
        flows.ensureChecklistVersion1();
        String es = Flows.unique("es-web");
        String name = "Ansökan om torgplats " + es;
        portal.logIn(browser, "anna");

        startDraft(browser, portal, "PUBLICATION");
        browser.check(By.id("publication.kind"), true).type(By.id("publication.eServiceId"), es);
        next(browser);
        assertThat(browser.path()).as("the step with the error again").endsWith("/steps/1");
        assertFieldError(browser, "publication.eServiceName");
        browser.type(By.id("publication.eServiceName"), name);
        next(browser);

        assertThat(browser.path()).endsWith("/steps/2");
        browser.type(By.id("publication.committee"), "Tekniska nämnden")
                .type(By.id("publication.orderer"), "Gatuenheten");
        browser.clickAndLoad(By.id("previous"));
        assertThat(browser.path()).endsWith("/steps/1");
        assertThat(browser.find(By.id("publication.eServiceName")).getAttribute("value"))
                .as("step 1 as saved")
                .isEqualTo(name);
        next(browser);
        browser.driver().navigate().refresh();
        browser.settle();
        assertThat(browser.find(By.id("publication.committee")).getAttribute("value"))
                .as("step 2 saved by Previous, still there after a reload")
                .isEqualTo("Tekniska nämnden");
        next(browser);

        assertThat(browser.path()).endsWith("/steps/3");
        MANDATORY_CHECKLIST.forEach(item -> browser.check(By.id("publication.checklist." + item), true));
        next(browser);
        assertThat(browser.path()).endsWith("/steps/4");
        browser.type(By.id("publication.message"), "Inför sommarens torghandel.");
        next(browser);

        assertThat(browser.h1()).isEqualTo(texts.get("summary.title"));
        assertThat(browser.text(By.id("main"))).contains(es, name, "Tekniska nämnden", "Inför sommarens torghandel.");
        browser.clickAndLoad(By.id("submit"));

        String id = Portal.requestIdOf(browser);
        awaitStatus(browser, texts, "WAITING_FOR_REVIEW");
        JsonNode filed = flows.request(id, "anna");
        assertThat(filed.get("publication").get("eServiceName").asString()).isEqualTo(name);
        assertThat(filed.get("publication").get("checklist").toString()).contains("test-cases");
        assertThat(suite.events().find("eops.request.events", "RequestSubmitted", event -> id.equals(event.key())))
                .as("filed once")
                .hasSize(1);
    }

    /** A test-case purge: an e-service id with a space refused on step 1, corrected; the request completes. */
    @Test
    void annaFilesATestCasePurgeCorrectingAnInvalidEServiceIdOnTheWay(Browser browser) {
        String es = Flows.unique("es-webp");
        portal.logIn(browser, "anna");

        startDraft(browser, portal, "PURGE");
        browser.check(By.id("purge.kind"), true)
                .type(By.id("purge.eServiceId"), "es med mellanslag")
                .type(By.id("purge.eServiceName"), "Testtjänst " + es);
        next(browser);
        assertFieldError(browser, "purge.eServiceId");
        browser.type(By.id("purge.eServiceId"), es);
        next(browser);
        assertThat(browser.path()).endsWith("/steps/2");
        next(browser); // the purge decision is needed for a retention purge only
        assertThat(browser.path()).endsWith("/steps/3");
        next(browser);
        assertThat(browser.h1()).isEqualTo(texts.get("summary.title"));
        browser.clickAndLoad(By.id("submit"));

        String id = Portal.requestIdOf(browser);
        awaitStatus(browser, texts, "COMPLETED");
        assertThat(flows.request(id, "anna").get("purge").get("eServiceId").asString())
                .isEqualTo(es);
    }

    /**
     * An administrator grant: the person's e-mail address refused on the second step, corrected; the request waits
     * for the person's training. The central team records the training (over the API, as flow 4 does) while Anna's
     * page is open: the status and the timeline change there live, the page never reloaded, and the withdraw form,
     * there while the request waited, is gone once it completed.
     */
    @Test
    void annaFilesAnAdministratorGrantAndSeesItCompleteLiveWhenTheTrainingIsRecorded(Browser browser) {
        String es = Flows.unique("es-weba");
        String person = Flows.unique("p-web");
        String email = person + "@kommun.example";
        flows.registerPublishedEService(es, "Skolskjuts " + es, "2.0");
        portal.logIn(browser, "anna");

        startDraft(browser, portal, "PERMISSION");
        browser.check(By.id("permission.change"), true)
                .check(By.id("permission.role"), true)
                .type(By.id("permission.eServiceId"), es)
                .type(By.id("permission.eServiceName"), "Skolskjuts " + es);
        next(browser);
        assertThat(browser.path()).endsWith("/steps/2");
        browser.type(By.id("permission.person.userId"), person)
                .type(By.id("permission.person.name"), "Adam Admin")
                .type(By.id("permission.person.email"), "adam@");
        next(browser);
        assertFieldError(browser, "permission.person.email");
        browser.type(By.id("permission.person.email"), email);
        next(browser);
        assertThat(browser.path()).endsWith("/steps/3");
        next(browser);
        browser.clickAndLoad(By.id("submit"));

        String id = Portal.requestIdOf(browser);
        awaitStatus(browser, texts, "WAITING_FOR_TRAINING");
        int entries =
                browser.driver().findElements(By.cssSelector("#timeline li")).size();
        browser.screenshot("waiting-for-training");
        assertThat(browser.present(By.id("withdraw")))
                .as("an open request can be withdrawn")
                .isTrue();

        HttpAnswer training = suite.http(Service.PERMISSION)
                .post("/api/trainings", suite.token("cecilia"), """
                        {"userId":"%s","name":"Adam Admin","email":"%s","completedOn":"2026-11-27",
                         "course":"E-tjänsteadministratör grundkurs"}""".formatted(person, email));
        assertThat(training.status()).as(training.body()).isEqualTo(201);

        awaitStatus(browser, texts, "COMPLETED");
        assertThat(browser.sameDocument()).as("the page was not reloaded").isTrue();
        assertThat(browser.driver().findElements(By.cssSelector("#timeline li")))
                .as("the completion added to the timeline")
                .hasSizeGreaterThan(entries);
        assertThat(browser.text(By.id("timeline"))).contains(texts.status("COMPLETED"));
        browser.await(
                "the withdraw form gone once the request completed live",
                PortalPages.LIVE,
                driver -> driver.findElements(By.id("withdrawal")).isEmpty());
        assertThat(browser.present(By.id("withdraw")))
                .as("a completed request offers no withdrawal, without a reload")
                .isFalse();
        assertThat(browser.sameDocument()).as("still the page was not reloaded").isTrue();
        browser.screenshot("completed-live");
        assertThat(flows.request(id, "anna").get("status").asString()).isEqualTo("COMPLETED");
    }
}
