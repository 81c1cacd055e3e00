package se.municipality.eops.permission.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.permission.PermissionRequests.uniqueUser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.municipality.eops.localstack.identity.DemoTokenIssuer;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.MovableClock;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;
import tools.jackson.databind.JsonNode;

/** The central team's list of recorded trainings: {@code GET /api/trainings}. */
@ServiceIntegrationTest
class TrainingListIT {

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    final DemoTokenIssuer tokens = SharedInfrastructure.get().tokens();

    @Test
    void theTeamSeesTheTrainingsNewestFirstWithPersonCourseAndWhoRecordedThem() {
        String first = uniqueUser("lisa");
        String second = uniqueUser("mats");
        String third = uniqueUser("nora");
        for (String user : List.of(first, second, third)) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(record(user).status()).isEqualTo(201);
        }

        HttpAnswer answer = http().get("/api/trainings?size=3", tokens.tokenFor("cecilia"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(userIds(answer.json().get("items"))).containsExactly(third, second, first);
        JsonNode newest = answer.json().at("/items/0");
        assertThat(newest.at("/person/name").asString()).isEqualTo("Person " + third);
        assertThat(newest.at("/person/email").asString()).isEqualTo(third + "@kommun.example");
        assertThat(newest.get("course").asString()).isEqualTo("E-tjänsteadministratör grundkurs");
        assertThat(newest.get("completedOn").asString()).isEqualTo("2026-11-20");
        assertThat(newest.get("recordedBy").asString()).isEqualTo("cecilia");
        assertThat(newest.get("recordedAt").asString())
                .isEqualTo(clock.instant().toString());
        assertThat(answer.json().get("total").asLong()).isGreaterThanOrEqualTo(3);

        HttpAnswer secondPage = http().get("/api/trainings?page=1&size=1", tokens.tokenFor("cecilia"));
        assertThat(userIds(secondPage.json().get("items"))).containsExactly(second);
    }

    @Test
    void theListFiltersByUserIdWrittenInAnyCase() {
        String user = uniqueUser("olle");
        clock.advance(Duration.ofMinutes(1));
        assertThat(record(user).status()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(1));
        assertThat(record(uniqueUser("pia")).status()).isEqualTo(201);

        HttpAnswer answer = http().get("/api/trainings?userId=" + user.toUpperCase(), tokens.tokenFor("cecilia"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(userIds(answer.json().get("items"))).containsExactly(user);
        assertThat(answer.json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void onlyTheCentralTeamListsTrainings() {
        assertThat(http().get("/api/trainings", tokens.tokenFor("anna")).status())
                .isEqualTo(403);
        assertThat(http().get("/api/trainings", null).status()).isEqualTo(401);
    }

    @Test
    void aPageLargerThanAHundredIsRefusedNamingTheSize() {
        HttpAnswer answer = http().get("/api/trainings?size=1000", tokens.tokenFor("cecilia"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().getContentType()).hasToString("application/problem+json");
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("size");
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("out-of-range");
    }

    private HttpAnswer record(String user) {
        return http().post(
                        "/api/trainings",
                        tokens.tokenFor("cecilia"),
                        "{\"userId\":\"" + user + "\",\"name\":\"Person " + user + "\",\"email\":\"" + user
                                + "@kommun.example\",\"completedOn\":\"2026-11-20\","
                                + "\"course\":\"E-tjänsteadministratör grundkurs\"}");
    }

    private static List<String> userIds(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.at("/person/personId").asString()));
        return ids;
    }

    private TestHttp http() {
        return TestHttp.at(port);
    }
}
