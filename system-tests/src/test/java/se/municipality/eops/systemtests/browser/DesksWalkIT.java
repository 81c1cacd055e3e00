package se.municipality.eops.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.systemtests.browser.PortalPages.awaitStatus;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import se.municipality.eops.systemtests.Flows;
import se.municipality.eops.systemtests.Service;
import se.municipality.eops.systemtests.Suite;
import se.municipality.eops.testkit.HttpAnswer;
import tools.jackson.databind.JsonNode;

/**
 * The reference group's and the archivists' desks in the portal: rolf and rut approve a review (the quorum of two)
 * and Anna's page of the request shows where that took it; arvid approves the purge plan astrid made, and his own
 * plan offers him no approval (four eyes).
 */
@BrowserTest
class DesksWalkIT {

    private final Suite suite = Suite.get();
    private final Flows flows = new Flows(suite);
    private final Portal portal = new Portal(suite);
    private final PortalTexts texts = PortalTexts.swedish();

    @Test
    void rolfAndRutApproveAReviewAndAnnasPageShowsTheEServicePublished(Browser browser) {
        flows.ensureChecklistVersion1();
        String es = Flows.unique("es-webr");
        String name = "Ansökan om parkeringstillstånd " + es;
        String id = flows.file("anna", """
                {"type":"PUBLICATION","publication":{"kind":"NEW_ESERVICE","eServiceId":"%s","eServiceName":"%s",
                 "committee":"Stadsbyggnadsnämnden","orderer":"Parkeringsenheten","versionLabel":"1.0","checklist":[
                 {"itemId":"accessibility","item":"Tillgänglighetsgranskad","done":true},
                 {"itemId":"information-text","item":"Informationstexten är granskad","done":true},
                 {"itemId":"test-cases","item":"Testärenden är inskickade och kontrollerade","done":true},
                 {"itemId":"contact","item":"Kontaktuppgifter finns","done":true}]}}""".formatted(es, name));
        flows.awaitStatus(id, "anna", "WAITING_FOR_REVIEW");
        String reviewId = Flows.text(
                Flows.json(flows.awaitEvent(
                        Flows.PUBLICATION_EVENTS, "ReviewRequested", event -> event.payloadContains(id))),
                "reviewId");

        for (String reviewer : List.of("rolf", "rut")) {
            portal.logIn(browser, reviewer);
            browser.open(portal.url("/reviews"));
            browser.clickAndLoad(By.cssSelector("#reviews a[href='/reviews/" + reviewId + "']"));
            assertThat(browser.h1()).contains(name);
            assertThat(browser.text(By.id("checklist-answers")))
                    .contains("Testärenden är inskickade och kontrollerade");
            browser.type(By.id("comment"), "Godkänd av " + reviewer).clickAndLoad(By.id("approve"));
            browser.open(portal.url("/reviews/" + reviewId));
            assertThat(browser.present(By.id("approve")))
                    .as(reviewer + " has decided: no second decision offered")
                    .isFalse();
            assertThat(browser.text(By.id("decisions"))).contains("Godkänd av " + reviewer);
            portal.logOut(browser);
        }

        portal.logIn(browser, "anna");
        browser.open(portal.url("/requests/" + id));
        awaitStatus(browser, texts, "COMPLETED");
        assertThat(browser.text(By.id("timeline")))
                .contains(texts.status("WAITING_FOR_REVIEW"), texts.status("IN_PROGRESS"), texts.status("COMPLETED"));
        assertThat(flows.eService(es).get("publishedVersion").get("label").asString())
                .isEqualTo("1.0");
    }

    @Test
    void arvidApprovesThePlanAstridMadeButIsOfferedNoApprovalOfHisOwn(Browser browser) {
        String astridsPlan = planWithDueCases("astrid");
        String arvidsPlan = planWithDueCases("arvid");
        portal.logIn(browser, "arvid");

        browser.open(portal.url("/purges"));
        assertThat(browser.text(By.id("purges"))).contains(astridsPlan, arvidsPlan);

        browser.clickAndLoad(By.cssSelector("#purges a[href='/purges/" + arvidsPlan + "']"));
        assertThat(browser.text(By.id("due-count"))).isEqualTo("2");
        assertThat(browser.present(By.id("approve")))
                .as("no approval of his own plan")
                .isFalse();
        assertThat(browser.present(By.id("own-plan"))).as("the page says why").isTrue();

        browser.open(portal.url("/purges/" + astridsPlan));
        assertThat(browser.text(By.id("due-count"))).isEqualTo("2");
        browser.clickAndLoad(By.id("approve"));
        assertThat(browser.path()).isEqualTo("/purges/" + astridsPlan);
        assertThat(browser.present(By.id("approve"))).isFalse();
        await("arvid's approval of " + astridsPlan)
                .atMost(Flows.FLOW_STEP)
                .until(() -> "arvid".equals(Flows.text(purge(astridsPlan), "approvedBy")));
        assertThat(Flows.text(purge(arvidsPlan), "approvedBy")).isNull();
    }

    /** A retention rule with two due cases, and a plan of it made by {@code archivist} (over the API). */
    private String planWithDueCases(String archivist) {
        String es = Flows.unique("es-webg");
        HttpAnswer rule =
                suite.http(Service.PURGE).post("/api/retention-rules", suite.token("arvid"), """
                        {"eServiceId":"%s","committee":"Socialnämnden","planRowReference":"4.2.1",
                         "decisionReference":"SN %s","decisionDate":"2024-01-15","retentionPeriod":"P2Y",
                         "clockStart":"SUBMITTED","active":true}""".formatted(es, es));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        double indexed = flows.casesIndexed();
        Instant threeYearsAgo = Instant.now().minus(3 * 365, ChronoUnit.DAYS);
        flows.caseSubmitted(es + "-d1", es, threeYearsAgo, false);
        flows.caseSubmitted(es + "-d2", es, threeYearsAgo, false);
        flows.awaitCasesIndexed(indexed, 2);
        HttpAnswer plan = suite.http(Service.PURGE)
                .post(
                        "/api/purges/plans",
                        suite.token(archivist),
                        "{\"ruleId\":\"" + Flows.text(rule.json(), "ruleId") + "\"}");
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        assertThat(Flows.text(plan.json(), "createdBy")).isEqualTo(archivist);
        return Flows.text(plan.json(), "purgeId");
    }

    private JsonNode purge(String purgeId) {
        HttpAnswer answer = suite.http(Service.PURGE).get("/api/purges/" + purgeId, suite.token("arvid"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
