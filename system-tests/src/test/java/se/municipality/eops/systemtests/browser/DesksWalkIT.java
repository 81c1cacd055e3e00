package se.municipality.eops.systemtests.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.systemtests.browser.PortalPages.assertFieldError;
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
 * plan offers him no approval (four eyes); the central team's refused forms say the service's reason in Swedish.
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

    @Test
    void ceciliasRefusedFormsShowTheServicesReasonInSwedishBesideTheField(Browser browser) {
        String ruleId = rule(Flows.unique("es-webe"));
        portal.logIn(browser, "cecilia");

        // purge-service refuses a legal hold without a reason: "is required", kind "required"
        browser.open(portal.url("/team/legal-holds"));
        browser.type(By.id("targetId"), Flows.unique("case-webe")).clickAndLoad(By.id("place"));
        assertFieldError(browser, "reason");
        assertThat(browser.text(By.id("reason-error")))
                .contains(texts.get("field.error.required"))
                .doesNotContain("is required");

        // and a rule whose period is no ISO-8601 period: kind "not-a-period", its example filled in
        browser.open(portal.url("/team/retention-rules/" + ruleId));
        browser.type(By.id("retentionPeriod"), "två år").clickAndLoad(By.id("save"));
        assertFieldError(browser, "retentionPeriod");
        assertThat(browser.text(By.id("retentionPeriod-error")))
                .contains(texts.get("field.error.not-a-period").replace("{example}", "P2Y"))
                .doesNotContain("ISO-8601");
        assertThat(browser.find(By.id("retentionPeriod")).getAttribute("value"))
                .as("the form keeps what she typed")
                .isEqualTo("två år");
    }

    /** A retention rule with two due cases, and a plan of it made by {@code archivist} (over the API). */
    private String planWithDueCases(String archivist) {
        String es = Flows.unique("es-webg");
        String ruleId = rule(es);
        double indexed = flows.casesIndexed();
        Instant threeYearsAgo = Instant.now().minus(3 * 365, ChronoUnit.DAYS);
        flows.caseSubmitted(es + "-d1", es, threeYearsAgo, false);
        flows.caseSubmitted(es + "-d2", es, threeYearsAgo, false);
        flows.awaitCasesIndexed(indexed, 2);
        HttpAnswer plan = suite.http(Service.PURGE)
                .post("/api/purges/plans", suite.token(archivist), "{\"ruleId\":\"" + ruleId + "\"}");
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        assertThat(Flows.text(plan.json(), "createdBy")).isEqualTo(archivist);
        return Flows.text(plan.json(), "purgeId");
    }

    /** A retention rule of two years for the e-service {@code es} (over the API); its id. */
    private String rule(String es) {
        HttpAnswer rule =
                suite.http(Service.PURGE).post("/api/retention-rules", suite.token("arvid"), """
                        {"eServiceId":"%s","committee":"Socialnämnden","planRowReference":"4.2.1",
                         "decisionReference":"SN %s","decisionDate":"2024-01-15","retentionPeriod":"P2Y",
                         "clockStart":"SUBMITTED","active":true}""".formatted(es, es));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        return Flows.text(rule.json(), "ruleId");
    }

    private JsonNode purge(String purgeId) {
        HttpAnswer answer = suite.http(Service.PURGE).get("/api/purges/" + purgeId, suite.token("arvid"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
