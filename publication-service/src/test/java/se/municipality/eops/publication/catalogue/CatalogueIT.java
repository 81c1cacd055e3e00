package se.municipality.eops.publication.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.publication.catalogue.PublicationScenario.newEServiceId;
import static se.municipality.eops.publication.catalogue.PublicationScenario.token;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.contract.publication.EServiceRegistered;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.ServiceIntegrationTest;

@ServiceIntegrationTest
class CatalogueIT {

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
    void theCentralTeamRegistersAnExistingEServiceOnceAsPublished() {
        String eServiceId = newEServiceId();

        HttpAnswer registered = scenario.register(eServiceId, "Felanmälan gata");

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.header("Location")).isEqualTo("/api/eservices/" + eServiceId);
        assertThat(registered.json().get("publishedVersion").get("status").asString())
                .isEqualTo("PUBLISHED");
        EServiceRegistered event = scenario.awaitPublicationEvent(EServiceRegistered.class, eServiceId);
        assertThat(event.registeredBy()).isEqualTo("cecilia");
        HttpAnswer again = scenario.register(eServiceId, "Felanmälan gata");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/errors/0/field").asString()).isEqualTo("eServiceId");
        assertThat(again.json().at("/errors/0/code").asString()).isEqualTo("taken");
    }

    @Test
    void onlyTheCentralTeamRegisters() {
        HttpAnswer answer = scenario.http()
                .post(
                        "/api/eservices",
                        token("anna"),
                        "{\"eServiceId\":\"%s\",\"name\":\"X\"}".formatted(newEServiceId()));

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void aBulkImportRegistersEachEntryOnItsOwnAndNothingTwice() {
        String known = newEServiceId();
        scenario.register(known, "Redan registrerad");
        String first = newEServiceId();
        String second = newEServiceId();
        String body = """
                {"eServices":[
                  {"eServiceId":"%s","name":"Bulk ett","committee":"Kulturnämnden","versionLabel":"1.0"},
                  {"eServiceId":"%s","name":"Redan registrerad"},
                  {"eServiceId":"has spaces","name":"Ogiltig"},
                  {"eServiceId":"%s","name":"Bulk två","basicInfo":{"searchKeywords":["bibliotek"]}}]}
                """.formatted(first, known, second);

        HttpAnswer imported = scenario.http().post("/api/eservices/bulk", token("cecilia"), body);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("registered").asInt()).isEqualTo(2);
        assertThat(imported.json().get("alreadyRegistered").asInt()).isEqualTo(1);
        assertThat(imported.json().get("invalid").asInt()).isEqualTo(1);
        assertThat(imported.json().get("outcomes").get(2).get("field").asString())
                .isEqualTo("eServices[2].eServiceId");
        scenario.awaitPublicationEvent(EServiceRegistered.class, first);
        scenario.awaitPublicationEvent(EServiceRegistered.class, second);
        assertThat(scenario.http()
                        .get("/api/eservices/" + second, token("erik"))
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Bulk två");

        HttpAnswer again = scenario.http().post("/api/eservices/bulk", token("cecilia"), body);
        assertThat(again.json().get("registered").asInt()).isZero();
        assertThat(again.json().get("alreadyRegistered").asInt()).isEqualTo(3);
        assertThat(scenario.publicationEvents("EServiceRegistered", first)).hasSize(1);
    }

    @Test
    void theCatalogueIsSearchedAndPaged() {
        String marker = "Sökbar" + newEServiceId().substring(6);
        for (int i = 0; i < 3; i++) {
            scenario.register(newEServiceId(), marker + " " + i);
        }

        HttpAnswer firstPage = scenario.http().get("/api/eservices?q=" + marker + "&size=2&page=0", token("anna"));
        HttpAnswer secondPage = scenario.http().get("/api/eservices?q=" + marker + "&size=2&page=1", token("anna"));

        assertThat(firstPage.status()).as(firstPage.body()).isEqualTo(200);
        assertThat(firstPage.json().get("total").asLong()).isEqualTo(3);
        assertThat(firstPage.json().get("items").size()).isEqualTo(2);
        assertThat(firstPage.json().get("items").get(0).get("name").asString()).isEqualTo(marker + " 0");
        assertThat(secondPage.json().get("items").size()).isEqualTo(1);
        assertThat(secondPage.json().get("items").get(0).get("name").asString()).isEqualTo(marker + " 2");
        assertThat(scenario.http()
                        .get("/api/eservices?status=PUBLISHED&q=" + marker, token("anna"))
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(3);
        HttpAnswer tooLarge = scenario.http().get("/api/eservices?size=101", token("anna"));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().at("/errors/0/field").asString()).isEqualTo("size");
        assertThat(tooLarge.json().at("/errors/0/code").asString()).isEqualTo("out-of-range");
        assertThat(tooLarge.json().at("/errors/0/params/max").asInt()).isEqualTo(100);
        assertThat(scenario.http().get("/api/eservices/es-none", token("anna")).status())
                .isEqualTo(404);
    }
}
