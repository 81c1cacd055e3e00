package se.municipality.eops.request.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.municipality.eops.request.lifecycle.LifecycleScenario.kindsOf;
import static se.municipality.eops.request.lifecycle.LifecycleScenario.statusesOf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.request.RequestCompleted;
import se.municipality.eops.contract.samples.PurgeMother;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.starter.messaging.IdempotentConsumer;
import se.municipality.eops.testkit.ConsumerGroups;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A RETENTION request whose decision covers two rules gets a purge per rule, each with its own key: driven by the
 * contract's sample events listing both ({@code requestPlanIds}), the request completes only when both purges are
 * done, whatever order their events come in and however often.
 */
@ServiceIntegrationTest
class RetentionRequestPlansIT {

    /** The status machine's consumer group (request-service's application.yml). */
    static final String STATUS_GROUP = "request-status";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    LifecycleScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new LifecycleScenario(port, mongo);
    }

    @Test
    void aRequestWithTwoPlansCompletesWhenTheSecondIsDoneWithTheCountsSummed() {
        String id = scenario.file("anna", LifecycleScenario.retentionPurge());
        List<String> plans = PurgeMother.twoRequestPlans(id);

        scenario.publishFor(id, PurgeMother.planCreatedOnRequest(id, "rule-1", plans));
        scenario.publishFor(id, PurgeMother.planCreatedOnRequest(id, "rule-2", plans));
        scenario.awaitTimeline("anna", id, 3);
        scenario.publishFor(id, PurgeMother.planApproved(id, "rule-1", plans));
        scenario.awaitTimeline("anna", id, 4);
        scenario.publishFor(id, PurgeMother.retentionCompleted(id, "rule-1", 1000, plans));
        JsonNode halfDone = scenario.awaitTimeline("anna", id, 5);

        assertThat(halfDone.get("status").asString())
                .as("the other plan still waits for an archivist")
                .isEqualTo("WAITING_FOR_PURGE_APPROVAL");
        assertThat(halfDone.at("/timeline/4/kind").asString()).isEqualTo("PURGE_PROGRESS");
        assertThat(halfDone.at("/timeline/4/causeEventType").asString()).isEqualTo("PurgeCompleted");
        assertThat(halfDone.at("/timeline/4/note").asString())
                .contains(plans.get(0), "rule-1", "1,000 cases purged", "1 of the request's 2 purges is done");
        assertThat(scenario.requestEvents("RequestCompleted", id)).isEmpty();

        scenario.publishFor(id, PurgeMother.planApproved(id, "rule-2", plans));
        scenario.awaitStatus("anna", id, "IN_PROGRESS");
        scenario.publishFor(id, PurgeMother.retentionCompleted(id, "rule-2", 234, plans));
        JsonNode done = scenario.awaitStatus("anna", id, "COMPLETED");

        assertThat(done.get("outcome").asString()).isEqualTo("1,234 cases purged under 2 rules, 2 held back");
        assertThat(kindsOf(done))
                .containsExactly(
                        "STATUS_CHANGED",
                        "STATUS_CHANGED",
                        "PURGE_PROGRESS",
                        "PURGE_PROGRESS",
                        "PURGE_PROGRESS",
                        "STATUS_CHANGED",
                        "STATUS_CHANGED");
        assertThat(statusesOf(done))
                .containsExactly(
                        "SUBMITTED",
                        "WAITING_FOR_PURGE_APPROVAL",
                        "WAITING_FOR_PURGE_APPROVAL",
                        "WAITING_FOR_PURGE_APPROVAL",
                        "WAITING_FOR_PURGE_APPROVAL",
                        "IN_PROGRESS",
                        "COMPLETED");
        assertThat(awaitCompletedEvents(id))
                .singleElement()
                .satisfies(completed -> assertThat(completed.outcome())
                        .isEqualTo(done.get("outcome").asString()));
    }

    @Test
    void theCompletionsInReverseOrderAndDeliveredTwiceEndTheSameOnce() {
        String id = scenario.file("anna", LifecycleScenario.retentionPurge());
        List<String> plans = PurgeMother.twoRequestPlans(id);
        scenario.publishFor(id, PurgeMother.planCreatedOnRequest(id, "rule-1", plans));
        scenario.publishFor(id, PurgeMother.planCreatedOnRequest(id, "rule-2", plans));
        scenario.publishFor(id, PurgeMother.planApproved(id, "rule-1", plans));
        scenario.publishFor(id, PurgeMother.planApproved(id, "rule-2", plans));
        scenario.awaitStatus("anna", id, "IN_PROGRESS");

        deliverTwice(id, PurgeMother.retentionCompleted(id, "rule-2", 234, plans));
        assertThat(scenario.read("anna", id).get("status").asString()).isEqualTo("IN_PROGRESS");
        deliverTwice(id, PurgeMother.retentionCompleted(id, "rule-1", 1000, plans));

        JsonNode done = scenario.read("anna", id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("outcome").asString()).isEqualTo("1,234 cases purged under 2 rules, 2 held back");
        List<String> kinds = kindsOf(done);
        assertThat(kinds.subList(kinds.size() - 3, kinds.size()))
                .containsExactly("STATUS_CHANGED", "PURGE_PROGRESS", "STATUS_CHANGED");
        assertThat(kinds).as("a redelivery leaves no trace").doesNotContain("LATE_EVENT");
        assertThat(awaitCompletedEvents(id)).hasSize(1);
    }

    @Test
    void nothingDueUnderEitherRuleCompletesTheRequestOnceOnTheSecondPurgeOfNothing() {
        String id = scenario.file("anna", LifecycleScenario.retentionPurge());
        List<String> plans = PurgeMother.twoRequestPlans(id);

        // No plan to approve: purge-service answers with a purge of nothing per rule, executed at once.
        scenario.publishFor(id, PurgeMother.retentionCompleted(id, "rule-2", 0, plans));
        scenario.awaitTimeline("anna", id, 2);
        scenario.publishFor(id, PurgeMother.retentionCompleted(id, "rule-1", 0, plans));

        JsonNode done = scenario.awaitStatus("anna", id, "COMPLETED");
        assertThat(done.get("outcome").asString()).isEqualTo("0 cases purged under 2 rules, 2 held back");
        assertThat(statusesOf(done)).containsExactly("SUBMITTED", "SUBMITTED", "COMPLETED");
        assertThat(kindsOf(done)).containsExactly("STATUS_CHANGED", "PURGE_PROGRESS", "STATUS_CHANGED");
        assertThat(scenario.requestEvents("RequestStatusChanged", id)).hasSize(1);
        assertThat(awaitCompletedEvents(id)).hasSize(1);
    }

    @Test
    void aPurgeCompletedWithoutTheListOfAnEarlierPurgeServiceCompletesTheRequestAsBefore() {
        String id = scenario.file("anna", LifecycleScenario.retentionPurge());

        scenario.publishFor(id, PurgeMother.retentionCompleted());

        JsonNode done = scenario.awaitStatus("anna", id, "COMPLETED");
        assertThat(done.get("outcome").asString()).isEqualTo("1,002 cases purged, 4 held back");
        assertThat(awaitCompletedEvents(id)).hasSize(1);
    }

    @Test
    void onePlanExpiringFailsTheRequestNamingThePlanItsRuleAndWhatTheOtherPurged() {
        String id = scenario.file("anna", LifecycleScenario.retentionPurge());
        List<String> plans = PurgeMother.twoRequestPlans(id);
        scenario.publishFor(id, PurgeMother.planCreatedOnRequest(id, "rule-1", plans));
        scenario.publishFor(id, PurgeMother.planCreatedOnRequest(id, "rule-2", plans));
        scenario.publishFor(id, PurgeMother.planApproved(id, "rule-1", plans));
        scenario.publishFor(id, PurgeMother.retentionCompleted(id, "rule-1", 1000, plans));
        scenario.awaitTimeline("anna", id, 5);

        scenario.publishFor(id, PurgeMother.planExpired(id, "rule-2", plans));

        JsonNode failed = scenario.awaitStatus("anna", id, "FAILED");
        assertThat(failed.at("/failure/reasonCode").asString()).isEqualTo("PURGE_PLAN_EXPIRED");
        assertThat(failed.at("/failure/reason").asString())
                .contains(plans.get(1), "under rule rule-2", "expired")
                .contains("1 of the request's 2 purges was done by then: 1,000 cases purged");
        assertThat(completedEvents(id)).isEmpty();
    }

    /**
     * Publishes the sample aimed at the request and, once it is applied, the very same event again, with the starter's
     * record of applied events forgotten in between (only the request's own record can stop the redelivery); returns
     * once the redelivery is consumed.
     */
    private void deliverTwice(String requestId, DomainEvent sample) {
        ObjectNode event = scenario.publishFor(requestId, sample);
        Query applied = Query.query(
                Criteria.where("_id").regex(":" + event.get("eventId").asString() + "$"));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        mongo.remove(applied, IdempotentConsumer.COLLECTION).getDeletedCount() == 1);
        RecordMetadata again = scenario.publish(sample, event);
        ConsumerGroups.awaitConsumed(STATUS_GROUP, again);
    }

    /** Once the request's RequestCompleted is on Kafka: every one there is. */
    private List<RequestCompleted> awaitCompletedEvents(String requestId) {
        scenario.awaitRequestEvent("RequestCompleted", requestId, null);
        return completedEvents(requestId);
    }

    private List<RequestCompleted> completedEvents(String requestId) {
        return scenario.requestEvents("RequestCompleted", requestId).stream()
                .map(captured ->
                        EventJson.read(captured.payload().getBytes(StandardCharsets.UTF_8), RequestCompleted.class))
                .toList();
    }
}
