package se.municipality.eops.request.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import se.municipality.eops.request.MongoCommandLog;
import se.municipality.eops.request.MongoCommandLog.Command;
import se.municipality.eops.request.MongoCommandLog.Recording;
import se.municipality.eops.request.readmodel.CatalogueFixture;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

/**
 * What one filing costs the request's thread in MongoDB commands, so that a read or write added to the intake
 * path shows here and not only in the benchmark: the request, its events and its hold on its subject (no second
 * open request for the same thing) go in one insert; only the answers a read model must give (is the e-service
 * in the catalogue?) add a read each.
 */
@ServiceIntegrationTest
class FilingCostIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    static Stream<Arguments> filings() {
        return Stream.of(
                Arguments.of("a new e-service's publication", 1),
                Arguments.of("a test-case purge", 1),
                Arguments.of("a retention purge", 1),
                // One read: is the e-service in the catalogue?
                Arguments.of("a new version's publication", 2));
    }

    @ParameterizedTest(name = "{0}: at most {1} command(s)")
    @MethodSource("filings")
    void aFilingCostsItsRequestThreadOneInsertAndTheReadModelReadsItNeeds(String kind, int most) {
        Map<String, Object> filed = switch (kind) {
            case "a new e-service's publication" -> newEServicePublication();
            case "a test-case purge" -> RequestBodies.testCasePurge();
            case "a retention purge" -> RequestBodies.retentionPurge();
            default -> newVersionPublication();
        };
        file(RequestBodies.testCasePurge()); // anything done once per service (indexes, caches) is done before

        HttpAnswer answer;
        List<Command> commands;
        try (Recording recording = MongoCommandLog.record()) {
            answer = file(filed);
            commands = recording.commands();
        }

        assertThat(answer.status()).isEqualTo(201);
        String id = answer.json().get("id").asString();
        String database = mongo.getDb().getName();
        Command insert = commands.stream()
                .filter(command -> command.name().equals("insert")
                        && "requests".equals(command.collection())
                        && command.json().contains(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no insert of " + id + " among " + commands));
        List<Command> onTheRequestThread = commands.stream()
                .filter(command -> command.thread().equals(insert.thread())
                        && command.database().equals(database))
                .toList();
        assertThat(onTheRequestThread)
                .as("the commands filing %s sent on its request's thread", id)
                .hasSizeLessThanOrEqualTo(most)
                .contains(insert);
    }

    private static Map<String, Object> newEServicePublication() {
        return withEService(RequestBodies.newEServicePublication(), "publication", uniqueEService());
    }

    private Map<String, Object> newVersionPublication() {
        String eServiceId = uniqueEService();
        CatalogueFixture.ensureRegistered(mongo, eServiceId);
        return withEService(RequestBodies.newVersionPublication(), "publication", eServiceId);
    }

    /** The body asking the same for an e-service of its own (no open request for the same thing before it). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withEService(Map<String, Object> body, String part, String eServiceId) {
        Map<String, Object> copy = new HashMap<>(body);
        Map<String, Object> details = new HashMap<>((Map<String, Object>) body.get(part));
        details.put("eServiceId", eServiceId);
        copy.put(part, details);
        return copy;
    }

    private static String uniqueEService() {
        return "es-cost-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private HttpAnswer file(Map<String, Object> body) {
        return TestHttp.at(port)
                .call(
                        HttpMethod.POST,
                        "/api/requests",
                        SharedInfrastructure.get().tokens().tokenFor("anna"),
                        RequestBodies.json(body));
    }
}
