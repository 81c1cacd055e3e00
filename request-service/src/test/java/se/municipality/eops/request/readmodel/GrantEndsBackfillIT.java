package se.municipality.eops.request.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static se.municipality.eops.request.readmodel.ReadModelFixtures.publish;
import static se.municipality.eops.request.readmodel.ReadModelFixtures.unique;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.permission.Person;
import se.municipality.eops.request.readmodel.messaging.GrantEndsBackfill;
import se.municipality.eops.request.readmodel.persistence.ReadModelCollections;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import se.municipality.eops.testkit.SharedInfrastructure;
import se.municipality.eops.testkit.TestHttp;

/**
 * A grant the read model stored before it kept {@code validUntil} (its events recorded as applied, its consumer
 * group's offsets long committed, so never read again) gets its end from the topic, and answers at the door again:
 * erik's administrator grant on es-1002, activated by his training before the change, was never "already there".
 */
@ServiceIntegrationTest
class GrantEndsBackfillIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    GrantEndsBackfill backfill;

    @BeforeEach
    void readModelsHaveCaughtUp() {
        await().until(() -> http().get("/api/read-models", token("anna")).json().findValues("caughtUp").stream()
                .allMatch(caughtUp -> caughtUp.asBoolean()));
    }

    @Test
    void anAdministratorGrantActivatedByTrainingAndStoredBeforeEndsWereKeptIsAlreadyThereOnceItsEndIsFilledIn() {
        String eService = unique("es-bf");
        Person erik = ReadModelFixtures.person(unique("erik"));
        String grantId = unique("gr-REQ");
        publish(ReadModelFixtures.awaitingTraining(grantId, eService, erik));
        publish(ReadModelFixtures.personGranted(grantId, PermissionRole.ADMINISTRATOR, eService, erik));
        await().until(() -> mongo.exists(
                Query.query(where("_id").is(grantId).and("status").is("ACTIVE")), ReadModelCollections.GRANTS));
        storedBeforeEndsWereKept(grantId);

        backfill.fillIn();

        HttpAnswer again = file(administratorGrant(eService, erik.personId(), null));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().at("/found/0/kind").asString()).isEqualTo("ALREADY_ADMINISTRATOR");
        assertThat(again.json().at("/found/0/facts/grantId").asString()).isEqualTo(grantId);
    }

    @Test
    void aTimeBoundGrantGetsItsOwnEndSoThatALaterEndStillExtendsIt() {
        String eService = unique("es-bf");
        Person tage = ReadModelFixtures.person(unique("tage"));
        Instant until = Instant.now().plus(Duration.ofDays(200)).truncatedTo(ChronoUnit.SECONDS);
        PermissionGranted sample =
                ReadModelFixtures.personGranted(unique("gr"), PermissionRole.ADMINISTRATOR, eService, tage);
        publish(new PermissionGranted(
                sample.eventId(),
                sample.grantId(),
                sample.occurredAt(),
                sample.requestId(),
                sample.role(),
                sample.eServiceId(),
                sample.eServiceName(),
                sample.person(),
                null,
                sample.occurredAt(),
                until,
                sample.decidedBy(),
                sample.trainingCompletedOn()));
        await().until(() -> mongo.exists(Query.query(where("_id").is(sample.grantId())), ReadModelCollections.GRANTS));
        storedBeforeEndsWereKept(sample.grantId());

        backfill.fillIn();

        Document stored = mongo.findById(sample.grantId(), Document.class, ReadModelCollections.GRANTS);
        assertThat(stored.getDate(ReadModelCollections.VALID_UNTIL).toInstant()).isEqualTo(until);
        assertThat(file(administratorGrant(eService, tage.personId(), until.minus(Duration.ofDays(1))))
                        .status())
                .isEqualTo(409);
        assertThat(file(administratorGrant(eService, tage.personId(), until.plus(Duration.ofDays(365))))
                        .status())
                .as("an extension")
                .isEqualTo(201);
    }

    /** The grant's document as the read model wrote it before it kept ends: without the field at all. */
    private void storedBeforeEndsWereKept(String grantId) {
        mongo.updateFirst(
                Query.query(where("_id").is(grantId)),
                new Update().unset(ReadModelCollections.VALID_UNTIL),
                ReadModelCollections.GRANTS);
        assertThat(mongo.findById(grantId, Document.class, ReadModelCollections.GRANTS))
                .doesNotContainKey(ReadModelCollections.VALID_UNTIL);
    }

    private static String administratorGrant(String eService, String userId, Instant validUntil) {
        return "{\"type\":\"PERMISSION\",\"permission\":{\"change\":\"GRANT\",\"role\":\"ADMINISTRATOR\","
                + "\"eServiceId\":\"" + eService + "\",\"eServiceName\":\"Ansökan om skolskjuts\","
                + (validUntil == null ? "" : "\"validUntil\":\"" + validUntil + "\",")
                + "\"person\":{\"userId\":\"" + userId + "\",\"name\":\"Test Person\","
                + "\"email\":\"test.person@kommun.example\"}}}";
    }

    private HttpAnswer file(String body) {
        return http().post("/api/requests", token("anna"), body);
    }

    private TestHttp http() {
        return TestHttp.at(port);
    }

    private static String token(String user) {
        return SharedInfrastructure.get().tokens().tokenFor(user);
    }
}
