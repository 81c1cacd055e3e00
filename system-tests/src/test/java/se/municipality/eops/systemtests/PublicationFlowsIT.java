package se.municipality.eops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.systemtests.Flows.ANNA;
import static se.municipality.eops.systemtests.Flows.CENTRAL_TEAM;
import static se.municipality.eops.systemtests.Flows.PUBLICATION_EVENTS;
import static se.municipality.eops.systemtests.Flows.PURGE_EVENTS;
import static se.municipality.eops.systemtests.Flows.REFERENCE_GROUP;
import static se.municipality.eops.systemtests.Flows.text;
import static se.municipality.eops.systemtests.Flows.unique;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import tools.jackson.databind.JsonNode;

/** Flows 1, 2, 3 and 7 of the issue: publishing e-services, across all five services as processes. */
@SystemTest
class PublicationFlowsIT {

    private final Suite suite = Suite.get();
    private final Flows flows = new Flows(suite);

    /**
     * Flow 1: a brand-new e-service, first blocked by its checklist (the missing item named), then filed complete:
     * reviewed by the reference group (quorum 2), approved, its test cases fed through the platform's case topic
     * beside real ones purged (only those), published, the request completed.
     */
    @Test
    void aBrandNewEServiceIsBlockedByItsChecklistThenReviewedPurgedOfItsTestCasesAndPublished() {
        String es = unique("es-new");
        String name = "Parkeringstillstånd " + es;
        flows.ensureChecklistVersion1();
        List<String> testCases = List.of(es + "-t1", es + "-t2", es + "-t3");
        List<String> realCases = List.of(es + "-r1", es + "-r2");
        double indexed = flows.casesIndexed();
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS);
        testCases.forEach(caseId -> flows.caseSubmitted(caseId, es, lastWeek, true));
        realCases.forEach(caseId -> flows.caseSubmitted(caseId, es, lastWeek, false));
        flows.awaitCasesIndexed(indexed, testCases.size() + realCases.size());

        // Blocked: the test cases are not confirmed in the checklist.
        String blocked = flows.file("anna", newEService(es, name, false));
        JsonNode rejected = flows.awaitStatus(blocked, "anna", "REJECTED");
        assertThat(rejected.get("rejection").get("blockedByChecklist").asBoolean())
                .isTrue();
        assertThat(rejected.get("rejection").get("missingItems").toString()).contains("test-cases");
        assertThat(Flows.statusSteps(rejected)).containsExactly("SUBMITTED", "REJECTED");
        assertThat(Flows.timeline(rejected).get(1)).contains("PublicationBlocked");

        // Filed again, complete: to review.
        String id = flows.file("anna", newEService(es, name, true));
        flows.awaitStatus(id, "anna", "WAITING_FOR_REVIEW");
        String reviewId = text(
                Flows.json(flows.awaitEvent(PUBLICATION_EVENTS, "ReviewRequested", event -> event.payloadContains(id))),
                "reviewId");
        assertThat(flows.eService(es).toString()).contains(reviewId);

        HttpAnswer first = decide(reviewId, "rolf", "{\"decision\":\"APPROVE\",\"comment\":\"Ser bra ut\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        // One approval of a quorum of two: still waiting.
        assertThat(flows.request(id, "anna").get("status").asString()).isEqualTo("WAITING_FOR_REVIEW");
        HttpAnswer second = decide(reviewId, "rut", "{\"decision\":\"APPROVE\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(200);

        JsonNode completed = flows.awaitStatus(id, "anna", "COMPLETED");
        assertThat(Flows.statusSteps(completed))
                .as(Flows.timeline(completed).toString())
                .containsExactly("SUBMITTED", "WAITING_FOR_REVIEW", "IN_PROGRESS", "COMPLETED");
        assertThat(Flows.timeline(completed).toString())
                .contains("ReviewRequested", "ReviewApproved", "EServicePublished");
        JsonNode published = flows.eService(es);
        assertThat(published.get("publishedVersion").get("label").asString()).isEqualTo("1.0");

        // Its test cases, and only those, were purged (the purge names the review). The request completed on
        // EServicePublished, another topic: the test's capture may not have read the purge's last batch yet.
        flows.awaitEvent(
                PURGE_EVENTS,
                "CasesPurged",
                event -> event.payloadContains(reviewId)
                        && Flows.json(event).get("lastBatch").asBoolean());
        List<CapturedEvent> purged =
                suite.events().find(PURGE_EVENTS, "CasesPurged", event -> event.payloadContains(reviewId));
        List<String> purgedIds = new ArrayList<>();
        purged.forEach(event -> Flows.json(event).get("caseIds").forEach(caseId -> purgedIds.add(caseId.asString())));
        assertThat(purgedIds).containsExactlyInAnyOrderElementsOf(testCases);
        assertThat(suite.events()
                        .find(
                                PURGE_EVENTS,
                                "CasesPurged",
                                event -> realCases.stream().anyMatch(event::payloadContains)))
                .isEmpty();

        // Events in order per aggregate.
        assertThat(flows.typesOf(PUBLICATION_EVENTS, es))
                .containsExactly("PublicationBlocked", "ReviewRequested", "ReviewApproved", "EServicePublished");
        flows.assertRequestEventsInOrder(blocked, List.of("REJECTED"), "RequestRejected");
        flows.assertRequestEventsInOrder(
                id, List.of("WAITING_FOR_REVIEW", "IN_PROGRESS", "COMPLETED"), "RequestCompleted");

        // The right people, once each.
        flows.assertMails(ANNA, 1, "Vi har tagit emot din begäran", blocked);
        flows.assertMails(ANNA, 1, blocked, "har avslagits");
        flows.assertMails(ANNA, 1, "Vi har tagit emot din begäran", id);
        flows.assertMails(ANNA, 1, id, "har ny status: väntar på granskning");
        flows.assertMails(ANNA, 1, id, "har ny status: under arbete");
        flows.assertMails(ANNA, 1, id, "är klar");
        flows.assertMails(REFERENCE_GROUP, 1, "Granskning väntar", es);
        flows.assertMails(CENTRAL_TEAM, 1, "Ny begäran", id);
        flows.assertMails(CENTRAL_TEAM, 1, "Ny begäran", blocked);
    }

    /** Flow 2: a new version of a published e-service is published without review. */
    @Test
    void aNewVersionOfAPublishedEServiceIsPublishedWithoutReview() {
        String es = unique("es-ver");
        flows.registerPublishedEService(es, "Felanmälan " + es, "3.2");
        String body = """
                {"type":"PUBLICATION","publication":{"kind":"NEW_VERSION","eServiceId":"%s",
                 "eServiceName":"Felanmälan %s","versionLabel":"3.3"}}""".formatted(es, es);
        // request-service learns of the catalogue from EServiceRegistered: until then 422 (not in the catalogue).
        String id = flows.fileWhenKnown("anna", body);

        JsonNode completed = flows.awaitStatus(id, "anna", "COMPLETED");
        assertThat(Flows.statusSteps(completed))
                .as(Flows.timeline(completed).toString())
                .containsExactly("SUBMITTED", "COMPLETED");
        assertThat(text(completed, "outcome")).contains("3.3");
        assertThat(flows.eService(es).get("publishedVersion").get("label").asString())
                .isEqualTo("3.3");
        // No review, no purge.
        assertThat(flows.typesOf(PUBLICATION_EVENTS, es)).containsExactly("EServiceRegistered", "EServicePublished");
        assertThat(suite.events().find(PURGE_EVENTS, null, event -> event.payloadContains(es)))
                .isEmpty();
        flows.assertRequestEventsInOrder(id, List.of("COMPLETED"), "RequestCompleted");

        flows.assertMails(ANNA, 1, "Vi har tagit emot din begäran", id);
        flows.assertMails(ANNA, 1, id, "är klar");
        assertThat(suite.mail().to(ANNA).stream()
                        .filter(mail -> MailServer.subject(mail).contains(id))
                        .count())
                .isEqualTo(2);
        assertThat(suite.mail().to(REFERENCE_GROUP, es)).isEmpty();
    }

    /** Flow 3: a brand-new e-service rejected by a reviewer: the request is rejected with the reason. */
    @Test
    void aBrandNewEServiceRejectedByAReviewerRejectsTheRequestWithTheReason() {
        String es = unique("es-rej");
        String name = "Torgplats " + es;
        flows.ensureChecklistVersion1();
        String id = flows.file("anna", newEService(es, name, true));
        flows.awaitStatus(id, "anna", "WAITING_FOR_REVIEW");
        String reviewId = text(
                Flows.json(flows.awaitEvent(PUBLICATION_EVENTS, "ReviewRequested", event -> event.payloadContains(id))),
                "reviewId");

        String reason = "Informationstexten saknar kontaktuppgifter " + es;
        HttpAnswer decision = decide(reviewId, "rolf", "{\"decision\":\"REJECT\",\"comment\":\"" + reason + "\"}");
        assertThat(decision.status()).as(decision.body()).isEqualTo(200);

        JsonNode rejected = flows.awaitStatus(id, "anna", "REJECTED");
        assertThat(text(rejected.get("rejection"), "reason")).contains(reason);
        assertThat(rejected.get("rejection").get("blockedByChecklist").asBoolean())
                .isFalse();
        assertThat(Flows.statusSteps(rejected))
                .as(Flows.timeline(rejected).toString())
                .containsExactly("SUBMITTED", "WAITING_FOR_REVIEW", "REJECTED");
        assertThat(Flows.timeline(rejected).toString()).contains("ReviewRejected");
        assertThat(flows.eService(es).toString()).contains("REJECTED").doesNotContain("PUBLISHED");

        assertThat(flows.typesOf(PUBLICATION_EVENTS, es)).containsExactly("ReviewRequested", "ReviewRejected");
        flows.assertRequestEventsInOrder(id, List.of("WAITING_FOR_REVIEW", "REJECTED"), "RequestRejected");
        assertThat(suite.events().find(PURGE_EVENTS, null, event -> event.payloadContains(es)))
                .isEmpty();

        flows.assertMails(ANNA, 1, "Vi har tagit emot din begäran", id);
        flows.assertMails(ANNA, 1, id, "har ny status: väntar på granskning");
        flows.assertMails(ANNA, 1, id, "har avslagits");
        assertThat(MailServer.text(suite.mail().to(ANNA, id + " har avslagits").get(0)))
                .contains(reason);
        flows.assertMails(REFERENCE_GROUP, 1, "Granskning väntar", es);
    }

    /**
     * A brand-new e-service withdrawn by its requester while the reference group reviews it: the review closes (a
     * decision is refused), nothing is approved, purged or published, and the team and the reference group are told.
     */
    @Test
    void aBrandNewEServiceWithdrawnInReviewClosesItsReviewAndIsNeverPublished() {
        String es = unique("es-wdr");
        flows.ensureChecklistVersion1();
        String id = flows.file("anna", newEService(es, "Torgplats " + es, true));
        flows.awaitStatus(id, "anna", "WAITING_FOR_REVIEW");
        String reviewId = text(
                Flows.json(flows.awaitEvent(PUBLICATION_EVENTS, "ReviewRequested", event -> event.payloadContains(id))),
                "reviewId");

        HttpAnswer withdrawn = suite.http(Service.REQUEST)
                .post("/api/requests/" + id + "/withdrawal", suite.token("anna"), "{\"reason\":\"Vi väntar\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        await("publication-service withdraws the version of " + es)
                .atMost(Flows.FLOW_STEP)
                .until(() -> flows.eService(es).toString().contains("\"WITHDRAWN\""));

        HttpAnswer late = decide(reviewId, "rolf", "{\"decision\":\"APPROVE\"}");
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.json().at("/errors/0/code").asString()).isEqualTo("review-closed");
        assertThat(flows.request(id, "anna").get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(flows.typesOf(PUBLICATION_EVENTS, es)).containsExactly("ReviewRequested");
        JsonNode publishedVersion = flows.eService(es).get("publishedVersion");
        assertThat(publishedVersion == null || publishedVersion.isNull())
                .as("no version published: " + publishedVersion)
                .isTrue();
        flows.assertMails(REFERENCE_GROUP, 1, "Återkallad begäran", id);
        flows.assertMails(CENTRAL_TEAM, 1, "Återkallad begäran", id);
    }

    /** Flow 7: an editor grant; the editor changes the e-service's basic information, someone else cannot. */
    @Test
    void anEditorGrantLetsTheEditorChangeBasicInformationAndNobodyElse() {
        String es = unique("es-edit");
        flows.registerPublishedEService(es, "Bygglov " + es, "1.0");
        String grant = """
                {"type":"PERMISSION","permission":{"change":"GRANT","role":"EDITOR","eServiceId":"%s",
                 "eServiceName":"Bygglov %s","person":{"userId":"erik","name":"Erik Ek","email":"erik.ek@kommun.example"}}}""".formatted(es, es);
        String id = flows.fileWhenKnown("anna", grant);

        String info = """
                {"informationText":"Ansök om bygglov här %s","searchKeywords":["bygglov","%s"],
                 "requirements":"BankID"}""".formatted(es, es);
        JsonNode completed = flows.awaitStatus(id, "anna", "COMPLETED");
        assertThat(Flows.statusSteps(completed)).containsExactly("SUBMITTED", "COMPLETED");
        flows.assertRequestEventsInOrder(id, List.of("COMPLETED"), "RequestCompleted");

        // publication-service learns of editors from PermissionGranted: the editor's change goes through then.
        HttpAnswer edited = await("erik may edit " + es)
                .atMost(Flows.FLOW_STEP)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> suite.http(Service.PUBLICATION)
                                .call(
                                        org.springframework.http.HttpMethod.PUT,
                                        "/api/eservices/" + es + "/basic-info",
                                        suite.token("erik"),
                                        info),
                        answer -> answer.status() != 403);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("basicInfo").toString()).contains("Ansök om bygglov här " + es);

        String otherInfo = "{\"informationText\":\"Inte min tjänst\",\"searchKeywords\":[],\"requirements\":\"\"}";
        for (String someoneElse : List.of("rut", "anna", "cecilia")) {
            HttpAnswer refused = suite.http(Service.PUBLICATION)
                    .call(
                            org.springframework.http.HttpMethod.PUT,
                            "/api/eservices/" + es + "/basic-info",
                            suite.token(someoneElse),
                            otherInfo);
            assertThat(refused.status()).as(someoneElse + ": " + refused.body()).isEqualTo(403);
        }
        assertThat(flows.eService(es).get("basicInfo").toString())
                .contains("Ansök om bygglov här " + es)
                .doesNotContain("Inte min tjänst");

        HttpAnswer changes =
                suite.http(Service.PUBLICATION).get("/api/eservices/" + es + "/changes", suite.token("anna"));
        assertThat(changes.json()).hasSize(1);
        assertThat(changes.json().get(0).toString()).contains("erik");
        CapturedEvent updated =
                flows.awaitEvent(PUBLICATION_EVENTS, "EServiceInfoUpdated", event -> es.equals(event.key()));
        assertThat(updated.payload()).contains("Ansök om bygglov här " + es);
        assertThat(flows.typesOf(PUBLICATION_EVENTS, es)).containsExactly("EServiceRegistered", "EServiceInfoUpdated");
        assertThat(EventJson.mapper().readTree(updated.payload()).toString()).contains("erik");

        flows.assertMails(ANNA, 1, "Vi har tagit emot din begäran", id);
        flows.assertMails(ANNA, 1, id, "är klar");
    }

    private HttpAnswer decide(String reviewId, String reviewer, String json) {
        return suite.http(Service.PUBLICATION)
                .post("/api/reviews/" + reviewId + "/decisions", suite.token(reviewer), json);
    }

    /** A brand-new e-service with checklist version 1 answered; {@code testCasesDone} false leaves one unconfirmed. */
    static String newEService(String es, String name, boolean testCasesDone) {
        return """
                {"type":"PUBLICATION","publication":{"kind":"NEW_ESERVICE","eServiceId":"%s","eServiceName":"%s",
                 "committee":"Stadsbyggnadsnämnden","orderer":"Parkeringsenheten","versionLabel":"1.0","checklist":[
                 {"itemId":"accessibility","item":"Tillgänglighetsgranskad","done":true},
                 {"itemId":"information-text","item":"Informationstexten är granskad","done":true},
                 {"itemId":"test-cases","item":"Testärenden är inskickade och kontrollerade","done":%s},
                 {"itemId":"contact","item":"Kontaktuppgifter under \\"Frågor om e-tjänsten\\" finns","done":true}]}}""".formatted(es, name, testCasesDone);
    }
}
