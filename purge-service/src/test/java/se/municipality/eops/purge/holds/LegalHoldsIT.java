package se.municipality.eops.purge.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.purge.PurgeFixtures.delete;
import static se.municipality.eops.purge.PurgeFixtures.get;
import static se.municipality.eops.purge.PurgeFixtures.post;
import static se.municipality.eops.purge.PurgeFixtures.uniqueEService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.purge.cases.application.CaseImport;
import se.municipality.eops.purge.cases.domain.IndexedCase;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Legal holds as legal facts: each kept with its own reason, setter and lifting; purges honour every one in force. */
@ServiceIntegrationTest
class LegalHoldsIT {

    private static final Instant OLD = Instant.parse("2016-03-01T08:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    CaseImport caseImport;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aSecondHoldOnACaseIsKeptBesideTheFirstAndTheCaseStaysHeldUntilEveryHoldIsLifted() {
        String eService = uniqueEService();
        String heldCase = seed(eService);
        String freeCase = seed(eService);
        String ruleId = rule(eService);

        JsonNode arvids = hold("arvid", "{\"caseId\":\"" + heldCase + "\",\"reason\":\"Överklagat\"}");
        clock.advance(Duration.ofSeconds(1));
        JsonNode astrids = hold("astrid", "{\"caseId\":\"" + heldCase + "\",\"reason\":\"Polisutredning\"}");

        assertThat(arvids.get("id").asString()).isNotEqualTo(astrids.get("id").asString());
        assertThat(holdsOn(heldCase, false))
                .extracting(hold -> hold.get("reason").asString() + " by "
                        + hold.get("setBy").asString())
                .containsExactly("Överklagat by arvid", "Polisutredning by astrid");
        HttpAnswer byTarget = delete(port, "arvid", "/api/legal-holds/CASE/" + heldCase);
        assertThat(byTarget.status()).as(byTarget.body()).isEqualTo(409);
        assertThat(byTarget.json().at("/errors/0/field").asString()).isEqualTo("targetId");
        assertThat(byTarget.json().at("/errors/0/code").asString()).isEqualTo("several-holds");

        String arvidsId = arvids.get("id").asString();
        HttpAnswer lifted = delete(port, "cecilia", "/api/legal-holds/" + arvidsId + "?reason=Lagakraftvunnen");
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(204);
        assertThat(delete(port, "cecilia", "/api/legal-holds/" + arvidsId).status())
                .isEqualTo(404);

        assertThat(holdsOn(heldCase, false))
                .singleElement()
                .satisfies(hold -> assertThat(hold.get("reason").asString()).isEqualTo("Polisutredning"));
        JsonNode liftedHold = get(port, "arvid", "/api/legal-holds/" + arvidsId).json();
        assertThat(liftedHold.get("reason").asString()).isEqualTo("Överklagat");
        assertThat(liftedHold.get("setBy").asString()).isEqualTo("arvid");
        assertThat(liftedHold.get("liftedBy").asString()).isEqualTo("cecilia");
        assertThat(liftedHold.get("liftedAt").isNull()).isFalse();
        assertThat(liftedHold.get("liftReason").asString()).isEqualTo("Lagakraftvunnen");
        assertThat(holdsOn(heldCase, true)).hasSize(2);

        JsonNode plan = plan(ruleId);
        assertThat(plan.at("/preview/dueCount").asLong()).isEqualTo(1);
        assertThat(plan.at("/preview/heldBack/0/reason").asString())
                .isEqualTo("legal hold on the case: Polisutredning");
        approveAndAwait(plan.get("purgeId").asString());
        assertThat(existing(List.of(heldCase, freeCase))).containsExactly(heldCase);
    }

    @Test
    void twoHoldsOnACaseShowBothReasonsInThePreview() {
        String eService = uniqueEService();
        String heldCase = seed(eService);
        hold("arvid", "{\"caseId\":\"" + heldCase + "\",\"reason\":\"Överklagat\"}");
        clock.advance(Duration.ofSeconds(1));
        hold("astrid", "{\"caseId\":\"" + heldCase + "\",\"reason\":\"Polisutredning\"}");

        JsonNode plan = plan(rule(eService));

        assertThat(plan.at("/preview/heldBack/0/reason").asString())
                .isEqualTo("legal holds on the case: Överklagat; Polisutredning");
        assertThat(plan.at("/preview/heldBack/0/count").asLong()).isEqualTo(1);
    }

    @Test
    void anEServiceStaysHeldAtExecutionWhileOneOfItsHoldsSetAfterThePlanIsInForce() {
        String eService = uniqueEService();
        String dueCase = seed(eService);
        JsonNode plan = plan(rule(eService));
        assertThat(plan.at("/preview/dueCount").asLong()).isEqualTo(1);
        JsonNode first = hold("arvid", "{\"eServiceId\":\"" + eService + "\",\"reason\":\"Tillsynsärende\"}");
        hold("astrid", "{\"eServiceId\":\"" + eService + "\",\"reason\":\"JO-anmälan\"}");

        assertThat(delete(port, "astrid", "/api/legal-holds/" + first.get("id").asString())
                        .status())
                .isEqualTo(204);
        JsonNode completed = approveAndAwait(plan.get("purgeId").asString());

        assertThat(completed.get("purgedCount").asLong()).isZero();
        assertThat(existing(List.of(dueCase))).containsExactly(dueCase);
    }

    @Test
    void aHoldStoredWhenEachTargetHadOneIsReadHonouredAndLiftedByItsOldId() {
        String eService = uniqueEService();
        String heldCase = seed(eService);
        String oldId = "CASE:" + heldCase;
        mongo.insert(
                new Document("_id", oldId)
                        .append("target", "CASE")
                        .append("targetId", heldCase)
                        .append("reason", "Överklagat")
                        .append("setBy", "arvid")
                        .append("setAt", new Date()),
                "legal_holds");
        hold("astrid", "{\"caseId\":\"" + heldCase + "\",\"reason\":\"Polisutredning\"}");

        assertThat(holdsOn(heldCase, false))
                .extracting(hold -> hold.get("id").asString())
                .contains(oldId)
                .hasSize(2);
        String ruleId = rule(eService);
        assertThat(plan(ruleId).at("/preview/heldBack/0/reason").asString())
                .startsWith("legal holds on the case: ")
                .contains("Överklagat", "Polisutredning");
        assertThat(delete(port, "cecilia", "/api/legal-holds/" + oldId).status())
                .isEqualTo(204);
        assertThat(get(port, "cecilia", "/api/legal-holds/" + oldId)
                        .json()
                        .get("liftedBy")
                        .asString())
                .isEqualTo("cecilia");
        assertThat(holdsOn(heldCase, false))
                .singleElement()
                .satisfies(hold -> assertThat(hold.get("reason").asString()).isEqualTo("Polisutredning"));
        // One hold in force: the path by target lifts it, as it did when each target had one.
        assertThat(delete(port, "cecilia", "/api/legal-holds/CASE/" + heldCase).status())
                .isEqualTo(204);
        assertThat(holdsOn(heldCase, false)).isEmpty();
        assertThat(delete(port, "cecilia", "/api/legal-holds/CASE/" + heldCase).status())
                .isEqualTo(404);
    }

    @Test
    void aBlankCaseOrEServiceIdIsRefusedNamingTheField() {
        HttpAnswer blankCase = post(port, "arvid", "/api/legal-holds", "{\"caseId\":\" \",\"reason\":\"Överklagat\"}");
        HttpAnswer emptyEService =
                post(port, "arvid", "/api/legal-holds", "{\"eServiceId\":\"\",\"reason\":\"Tillsyn\"}");

        assertThat(blankCase.status()).as(blankCase.body()).isEqualTo(400);
        assertThat(blankCase.json().at("/errors/0/field").asString()).isEqualTo("caseId");
        assertThat(blankCase.json().at("/errors/0/code").asString()).isEqualTo("required");
        assertThat(emptyEService.status()).as(emptyEService.body()).isEqualTo(400);
        assertThat(emptyEService.json().at("/errors/0/field").asString()).isEqualTo("eServiceId");
        assertThat(emptyEService.json().at("/errors/0/code").asString()).isEqualTo("required");
    }

    private List<JsonNode> holdsOn(String targetId, boolean includeLifted) {
        HttpAnswer all = get(port, "arvid", "/api/legal-holds" + (includeLifted ? "?includeLifted=true" : ""));
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        return StreamSupport.stream(all.json().spliterator(), false)
                .filter(hold -> targetId.equals(hold.get("targetId").asString()))
                .toList();
    }

    @Test
    void aHoldOnAnIdThatIsNoIdOfTheSuiteIsRefusedNamingTheField() {
        HttpAnswer onACase =
                post(port, "arvid", "/api/legal-holds", "{\"caseId\":\"es 1003\",\"reason\":\"Överklagat\"}");
        HttpAnswer onAnEService =
                post(port, "arvid", "/api/legal-holds", "{\"eServiceId\":\" es-1003\",\"reason\":\"Överklagat\"}");
        HttpAnswer tooLong = post(
                port,
                "arvid",
                "/api/legal-holds",
                "{\"caseId\":\"" + "c".repeat(201) + "\",\"reason\":\"Överklagat\"}");

        assertThat(List.of(onACase, onAnEService, tooLong))
                .extracting(answer -> answer.status() + " "
                        + answer.json().at("/errors/0/field").asString() + " "
                        + answer.json().at("/errors/0/code").asString() + " "
                        + answer.json().at("/errors/0/params/max").asInt())
                .containsExactly("400 caseId not-an-id 200", "400 eServiceId not-an-id 64", "400 caseId not-an-id 200");
        assertThat(get(port, "arvid", "/api/legal-holds")
                        .json()
                        .valueStream()
                        .map(hold -> hold.get("targetId").asString()))
                .doesNotContain("es 1003", " es-1003");
        // A case id of the platform's own shape is held.
        hold("arvid", "{\"caseId\":\"ärende/2026/" + UUID.randomUUID() + "\",\"reason\":\"Överklagat\"}");
        String heldCase = "c-" + UUID.randomUUID();
        hold("arvid", "{\"caseId\":\"" + heldCase + "\",\"reason\":\"Överklagat\"}");
        hold("astrid", "{\"caseId\":\"" + heldCase + "\",\"reason\":\"Polisutredning\"}");
        assertThat(holdsOn(heldCase, false))
                .as("several holds on one target stay allowed")
                .hasSize(2);
    }

    private JsonNode hold(String user, String body) {
        HttpAnswer hold = post(port, user, "/api/legal-holds", body);
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        return hold.json();
    }

    private String seed(String eService) {
        String caseId = "c-" + UUID.randomUUID();
        caseImport.importAll(List.of(new IndexedCase(caseId, eService, OLD, null, false, null)));
        return caseId;
    }

    private String rule(String eService) {
        HttpAnswer created = post(
                port,
                "cecilia",
                "/api/retention-rules",
                "{\"eServiceId\":\"" + eService + "\",\"committee\":\"Barn- och utbildningsnämnden\","
                        + "\"decisionReference\":\"SBN 2024/118\",\"decisionDate\":\"2024-05-21\","
                        + "\"retentionPeriod\":\"P2Y\",\"clockStart\":\"SUBMITTED\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("ruleId").asString();
    }

    private JsonNode plan(String ruleId) {
        HttpAnswer plan = post(port, "arvid", "/api/purges/plans", "{\"ruleId\":\"" + ruleId + "\"}");
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        return plan.json();
    }

    /** Approves the plan and awaits its end: the purge as GET /api/purges/{id} shows it, COMPLETED. */
    private JsonNode approveAndAwait(String planId) {
        HttpAnswer approved = post(port, "astrid", "/api/purges/" + planId + "/approval", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> get(port, "arvid", "/api/purges/" + planId).json(),
                        purge -> "COMPLETED".equals(purge.get("status").asString()));
    }

    private List<String> existing(List<String> caseIds) {
        List<String> found = new ArrayList<>();
        for (String caseId : caseIds) {
            if (mongo.findById(caseId, Document.class, "cases") != null) {
                found.add(caseId);
            }
        }
        return found;
    }
}
