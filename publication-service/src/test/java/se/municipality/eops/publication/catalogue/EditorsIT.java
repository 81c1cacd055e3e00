package se.municipality.eops.publication.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.publication.catalogue.PublicationScenario.newEServiceId;
import static se.municipality.eops.publication.catalogue.PublicationScenario.publish;
import static se.municipality.eops.publication.catalogue.PublicationScenario.token;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.contract.permission.PermissionRevoked;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.contract.publication.EServiceInfoUpdated;
import se.municipality.eops.contract.samples.PermissionMother;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.ServiceIntegrationTest;

@ServiceIntegrationTest
class EditorsIT {

    static final String EDITORS = "publication-editors";
    static final String EDIT = """
            {"informationText":"Anmäl fel på gator och parker.","searchKeywords":["felanmälan","park"],"requirements":"Inga"}
            """;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    PublicationScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new PublicationScenario(port, mongo);
    }

    @Test
    void theEditorOfAnEServiceEditsItsBasicInformationAndEveryoneElseGets403() {
        String eServiceId = newEServiceId();
        scenario.register(eServiceId, "Felanmälan");
        PermissionGranted grant = editorGrant("erik", eServiceId);
        publish(grant);
        scenario.awaitApplied(EDITORS, grant.eventId());

        HttpAnswer byEditor = scenario.http()
                .call(
                        org.springframework.http.HttpMethod.PUT,
                        "/api/eservices/" + eServiceId + "/basic-info",
                        token("erik"),
                        EDIT);
        HttpAnswer byAnother = scenario.http()
                .call(
                        org.springframework.http.HttpMethod.PUT,
                        "/api/eservices/" + eServiceId + "/basic-info",
                        token("anna"),
                        EDIT);
        HttpAnswer byEditorOfAnother = scenario.http()
                .call(
                        org.springframework.http.HttpMethod.PUT,
                        "/api/eservices/" + newRegistered() + "/basic-info",
                        token("erik"),
                        EDIT);

        assertThat(byEditor.status()).as(byEditor.body()).isEqualTo(200);
        assertThat(byEditor.json().get("basicInfo").get("searchKeywords").get(1).asString())
                .isEqualTo("park");
        assertThat(byAnother.status()).isEqualTo(403);
        assertThat(byEditorOfAnother.status()).isEqualTo(403);
        EServiceInfoUpdated updated = scenario.awaitPublicationEvent(EServiceInfoUpdated.class, eServiceId);
        assertThat(updated.editedBy()).isEqualTo("erik");
        assertThat(updated.changedFields()).containsExactly("informationText", "searchKeywords");
    }

    @Test
    void everyChangeIsInTheChangeLogWithWhoWhenBeforeAndAfter() {
        String eServiceId = newEServiceId();
        scenario.register(eServiceId, "Felanmälan");
        PermissionGranted grant = editorGrant("Erik ", eServiceId);
        publish(grant);
        scenario.awaitApplied(EDITORS, grant.eventId());
        Instant before = Instant.now();

        edit(eServiceId, EDIT);
        edit(eServiceId, EDIT); // the same again: nothing changed, nothing logged
        edit(
                eServiceId,
                "{\"informationText\":\"Anmäl fel på gator och parker.\",\"searchKeywords\":[\"felanmälan\",\"park\"],\"requirements\":\"BankID\"}");

        HttpAnswer log = scenario.http().get("/api/eservices/" + eServiceId + "/changes", token("anna"));
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().size()).isEqualTo(2);
        var first = log.json().get(0);
        assertThat(first.get("editedBy").asString()).isEqualTo("erik");
        assertThat(Instant.parse(first.get("editedAt").asString())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(first.get("before").get("informationText").asString()).isEqualTo("Anmäl fel.");
        assertThat(first.get("after").get("informationText").asString()).isEqualTo("Anmäl fel på gator och parker.");
        var second = log.json().get(1);
        assertThat(second.get("before").get("requirements").asString()).isEqualTo("Inga");
        assertThat(second.get("after").get("requirements").asString()).isEqualTo("BankID");
        assertThat(second.get("changedFields").toString()).isEqualTo("[\"requirements\"]");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scenario.publicationEvents("EServiceInfoUpdated", eServiceId)
                                .size()
                        == 2);
    }

    @Test
    void aRevokedEditorMayEditNoLonger() {
        String eServiceId = newEServiceId();
        scenario.register(eServiceId, "Felanmälan");
        PermissionGranted grant = editorGrant("erik", eServiceId);
        publish(grant);
        PermissionRevoked revoked = new PermissionRevoked(
                UUID.randomUUID(),
                grant.grantId(),
                Instant.now(),
                null,
                PermissionRole.EDITOR,
                eServiceId,
                grant.person(),
                null,
                "cecilia",
                PermissionRevoked.RevocationCause.REQUEST,
                "Slutat");
        publish(revoked);
        scenario.awaitApplied(EDITORS, revoked.eventId());

        assertThat(scenario.http()
                        .call(
                                org.springframework.http.HttpMethod.PUT,
                                "/api/eservices/" + eServiceId + "/basic-info",
                                token("erik"),
                                EDIT)
                        .status())
                .isEqualTo(403);
    }

    private void edit(String eServiceId, String body) {
        HttpAnswer answer = scenario.http()
                .call(
                        org.springframework.http.HttpMethod.PUT,
                        "/api/eservices/" + eServiceId + "/basic-info",
                        token("erik"),
                        body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private String newRegistered() {
        String eServiceId = newEServiceId();
        scenario.register(eServiceId, "Annan");
        return eServiceId;
    }

    /** An editor grant as permission-service publishes it (the contract's sample, for this person and e-service). */
    private static PermissionGranted editorGrant(String userName, String eServiceId) {
        PermissionGranted sample = PermissionMother.timeBoundEditorGranted();
        return new PermissionGranted(
                UUID.randomUUID(),
                "grant-" + UUID.randomUUID(),
                Instant.now(),
                sample.requestId(),
                PermissionRole.EDITOR,
                eServiceId,
                sample.eServiceName(),
                new Person(se.municipality.eops.contract.permission.PersonIds.normalize(userName), "Erik Ek", null),
                null,
                Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30)),
                "cecilia",
                null);
    }
}
