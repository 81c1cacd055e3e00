package se.municipality.eops.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.CloudEventHeaders;
import se.municipality.eops.contract.Topics;
import se.municipality.eops.systemtests.Service;
import se.municipality.eops.systemtests.Suite;
import se.municipality.eops.systemtests.SystemTest;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;

/**
 * Poison on every topic a service consumes: each consumer group gives up on it at once, it lands on the group's
 * dead-letter topic {@code error.<topic>.<group>} with the reason, and the flows whose events come after it on the
 * same partitions complete.
 */
@SystemTest
class PoisonMessagesIT {

    private static final List<String> INPUT_TOPICS = List.of(
            Topics.REQUEST_EVENTS,
            Topics.PUBLICATION_EVENTS,
            Topics.PURGE_EVENTS,
            Topics.PERMISSION_EVENTS,
            Topics.PLATFORM_CASE_EVENTS);

    /**
     * Per topic, event types that break their schema (only an {@code eventId}), and the groups that handle that type
     * and so must refuse it; together every group gets one.
     */
    private static final Map<String, Map<String, List<String>>> SCHEMA_BREAKERS = Map.of(
            Topics.REQUEST_EVENTS,
            Map.of(
                    "RequestSubmitted",
                    List.of("publication-service", "purge-service", "permission-service", "notification-service")),
            Topics.PUBLICATION_EVENTS,
            Map.of(
                    "ReviewApproved", List.of("request-status", "purge-service"),
                    "EServicePublished", List.of("request-service-catalogue"),
                    "ReviewRequested", List.of("notification-service")),
            Topics.PERMISSION_EVENTS,
            Map.of(
                    "PermissionGranted",
                    List.of(
                            "request-status",
                            "request-service-permissions",
                            "publication-service",
                            "notification-service")),
            Topics.PURGE_EVENTS,
            Map.of(
                    "CasesPurged",
                    List.of("publication-service"),
                    "PurgePlanCreated",
                    List.of("request-status", "notification-service")),
            Topics.PLATFORM_CASE_EVENTS,
            Map.of("CaseSubmitted", List.of("purge-service")));

    private final Suite suite = Suite.get();
    private final FaultFlows flows = new FaultFlows(suite);

    /** A poison record and the reason each group reading its topic must give for refusing it. */
    private record Poison(String topic, String key, String reason, List<String> groups) {}

    @Test
    void poisonOnEveryInputTopicIsDeadLetteredWithItsReasonAndTheFlowsAfterItComplete() {
        List<Poison> sent = new ArrayList<>();
        for (String topic : INPUT_TOPICS) {
            List<String> readers = ConsumerGroups.groupsReading(topic);
            // A type nobody defined, on every partition, so that every flow below has poison before its events.
            for (String key : keysOnEveryPartition(flows.groups().partitions(topic))) {
                send(topic, key, "{\"eventId\":\"" + UUID.randomUUID() + "\"}", "NoSuchEvent");
                sent.add(new Poison(topic, key, "unknown event type 'NoSuchEvent'", readers));
            }
            String untyped = FaultFlows.unique("poison-untyped");
            send(topic, untyped, "{}", null);
            sent.add(new Poison(topic, untyped, "missing header ce_type", readers));
            for (Map.Entry<String, List<String>> breaker :
                    SCHEMA_BREAKERS.get(topic).entrySet()) {
                String key = FaultFlows.unique("poison-schema");
                send(topic, key, "{\"eventId\":\"" + UUID.randomUUID() + "\"}", breaker.getKey());
                sent.add(new Poison(
                        topic, key, "payload of " + breaker.getKey() + " breaks its schema", breaker.getValue()));
            }
        }

        // The flows after the poison, together reading every topic in every group.
        NewEServiceFlow published = NewEServiceFlow.withCases(flows, "es-poison")
                .file()
                .awaitReview()
                .approve();
        AdministratorGrantFlow grant =
                AdministratorGrantFlow.file(flows, "poison").awaitTraining().recordTraining();
        String testCasesOnly = FaultFlows.unique("es-poison-test-cases");
        flows.submitCases(testCasesOnly, "test", 2, true, Duration.ofDays(1));
        flows.awaitCasesIndexed();
        String testCasePurge = flows.fileTestCasePurge(testCasesOnly);
        String retention = FaultFlows.unique("es-poison-retention");
        flows.submitCases(retention, "old", 1, false, Duration.ofDays(3 * 365));
        flows.awaitCasesIndexed();
        String plan = flows.createPlan(flows.createRetentionRule(retention));

        published.assertCompletedOnce();
        grant.assertCompletedOnce();
        flows.awaitStatus(testCasePurge, "COMPLETED");
        // request-service's catalogue read model knows the published e-service: a new version of it is published.
        String newVersion = flows.fileNewVersion(published.eServiceId, "1.1");
        flows.awaitStatus(newVersion, "COMPLETED");
        // ... and its permissions read model the new administrator: asking again is answered at once.
        HttpAnswer again = flows.filePermissionAnswer("ADMINISTRATOR", grant.eServiceId, grant.personId);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        // publication-service's editors read model: an editor grant for Erik lets him change the basic information.
        String editor = flows.fileEditorGrant(published.eServiceId, "erik");
        flows.awaitStatus(editor, "COMPLETED");
        await("Erik may edit " + published.eServiceId)
                .atMost(FaultFlows.FLOW)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> suite.http(Service.PUBLICATION)
                                .call(
                                        org.springframework.http.HttpMethod.PUT,
                                        "/api/eservices/" + published.eServiceId + "/basic-info",
                                        suite.token("erik"),
                                        "{\"informationText\":\"Ny text\",\"searchKeywords\":[\"parkering\"],"
                                                + "\"requirements\":\"Inga\"}")
                                .status()
                        == 200);
        // notification-service's purge consumer: the archivists hear of the plan.
        List<FaultFlows.ExpectedMails> mails = new ArrayList<>(published.expectedMails());
        mails.addAll(grant.expectedMails());
        mails.add(new FaultFlows.ExpectedMails(FaultFlows.ARCHIVISTS, plan, 1));
        flows.awaitMails(mails);

        for (Poison poison : sent) {
            for (String group : poison.groups()) {
                String deadLetters = ConsumerGroups.deadLetterTopic(poison.topic(), group);
                CapturedEvent dead;
                try {
                    dead = suite.events()
                            .awaitOne(deadLetters, null, event -> poison.key().equals(event.key()), FaultFlows.FLOW);
                } catch (ConditionTimeoutException notThere) {
                    throw new AssertionError(
                            poison.key() + " (" + poison.reason() + ") never reached " + deadLetters, notThere);
                }
                assertThat(dead.header("x-exception-message"))
                        .as("reason in " + deadLetters)
                        .contains(poison.reason());
                assertThat(dead.header("x-original-topic")).isEqualTo(poison.topic());
            }
        }
    }

    private void send(String topic, String key, String json, String type) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (type != null) {
            headers.put(CloudEventHeaders.TYPE, type);
        }
        headers.put(CloudEventHeaders.ID, UUID.randomUUID().toString());
        headers.put(CloudEventHeaders.SOURCE, "/poison");
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        suite.sendRaw(topic, key, json, headers);
    }

    /** A key for each partition, by the producer's default partitioner (murmur2 of the key). */
    private static List<String> keysOnEveryPartition(int partitions) {
        Map<Integer, String> keys = new HashMap<>();
        while (keys.size() < partitions) {
            String key = FaultFlows.unique("poison");
            int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
            keys.putIfAbsent(partition, key);
        }
        return List.copyOf(keys.values());
    }
}
