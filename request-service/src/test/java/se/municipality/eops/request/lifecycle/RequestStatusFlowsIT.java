package se.municipality.eops.request.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.request.lifecycle.LifecycleScenario.kindsOf;
import static se.municipality.eops.request.lifecycle.LifecycleScenario.statusesOf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.permission.HandlerGroupChanged;
import se.municipality.eops.contract.permission.PermissionAwaitingTraining;
import se.municipality.eops.contract.permission.PermissionExpired;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.contract.permission.PermissionRevoked;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.request.RequestCompleted;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestStatusChanged;
import se.municipality.eops.contract.samples.PermissionMother;
import se.municipality.eops.contract.samples.PublicationMother;
import se.municipality.eops.contract.samples.PurgeMother;
import se.municipality.eops.starter.messaging.EventJson;
import se.municipality.eops.starter.messaging.IdempotentConsumer;
import se.municipality.eops.testkit.PublishedEvents;
import se.municipality.eops.testkit.PublishedEvents.CapturedEvent;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each status path of the flows in flows.md, driven by the contract's sample events on the downstream services'
 * topics, including events out of order and delivered twice.
 */
@ServiceIntegrationTest
class RequestStatusFlowsIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    LifecycleScenario scenario;

    @org.junit.jupiter.api.BeforeEach
    void scenario() {
        scenario = new LifecycleScenario(port, mongo);
    }

    @Test
    void flow1BrandNewEServiceWaitsForReviewGoesOnWhenApprovedAndCompletesWhenPublished() {
        String id = scenario.file("anna", LifecycleScenario.newEService());

        scenario.publishFor(id, PublicationMother.reviewRequested());
        scenario.awaitStatus("anna", id, "WAITING_FOR_REVIEW");
        scenario.publishFor(id, PublicationMother.reviewApproved());
        scenario.awaitStatus("anna", id, "IN_PROGRESS");
        scenario.publishFor(id, PublicationMother.newEServicePublished());
        JsonNode request = scenario.awaitStatus("anna", id, "COMPLETED");

        assertThat(statusesOf(request)).containsExactly("SUBMITTED", "WAITING_FOR_REVIEW", "IN_PROGRESS", "COMPLETED");
        assertThat(request.at("/timeline/1/sequence").asInt()).isEqualTo(2);
        assertThat(request.at("/timeline/1/actor").asString()).isEqualTo("publication-service");
        assertThat(request.at("/timeline/1/causeEventType").asString()).isEqualTo("ReviewRequested");
        assertThat(request.at("/timeline/3/causeEventType").asString()).isEqualTo("EServicePublished");
        assertThat(request.get("outcome").asString()).isEqualTo("Published version 1.0");

        List<RequestStatusChanged> changes = scenario.requestEvents("RequestStatusChanged", id).stream()
                .map(captured -> read(captured, RequestStatusChanged.class))
                .toList();
        assertThat(changes)
                .extracting(change -> change.fromStatus() + ">" + change.toStatus() + "#" + change.sequence())
                .containsExactly(
                        "SUBMITTED>WAITING_FOR_REVIEW#2",
                        "WAITING_FOR_REVIEW>IN_PROGRESS#3",
                        "IN_PROGRESS>COMPLETED#4");
        assertThat(changes.get(0).requester().userId()).isEqualTo("anna");
        RequestCompleted completed =
                read(scenario.awaitRequestEvent("RequestCompleted", id, null), RequestCompleted.class);
        assertThat(completed.outcome()).isEqualTo("Published version 1.0");
        assertThat(completed.causeEventType()).isEqualTo("EServicePublished");
    }

    @Test
    void flow1BlockedByTheChecklistRejectsTheRequestNamingTheMissingItems() {
        String id = scenario.file("anna", LifecycleScenario.newEService());

        scenario.publishFor(id, PublicationMother.blockedByChecklist());
        JsonNode request = scenario.awaitStatus("anna", id, "REJECTED");

        assertThat(request.at("/rejection/blockedByChecklist").asBoolean()).isTrue();
        assertThat(request.at("/rejection/reasonCode").asString()).isEqualTo("CHECKLIST_INCOMPLETE");
        assertThat(request.at("/rejection/missingItems/0/itemId").asString()).isNotBlank();
        RequestRejected rejected = read(scenario.awaitRequestEvent("RequestRejected", id, null), RequestRejected.class);
        assertThat(rejected.reasonCode()).isEqualTo(RequestRejected.ReasonCode.CHECKLIST_INCOMPLETE);
        assertThat(rejected.missingItems()).isNotEmpty();
        assertThat(rejected.rejectedBy()).isEqualTo("publication-service");
    }

    @Test
    void flow2NewVersionCompletesWhenPublished() {
        String id = scenario.file("anna", LifecycleScenario.newVersion());

        scenario.publishFor(id, PublicationMother.newVersionPublished());

        JsonNode request = scenario.awaitStatus("anna", id, "COMPLETED");
        assertThat(statusesOf(request)).containsExactly("SUBMITTED", "COMPLETED");
    }

    @Test
    void flow3ReviewRejectedRejectsTheRequestWithTheReviewersReason() {
        String id = scenario.file("anna", LifecycleScenario.newEService());

        scenario.publishFor(id, PublicationMother.reviewRequested());
        scenario.publishFor(id, PublicationMother.reviewRejected());

        JsonNode request = scenario.awaitStatus("anna", id, "REJECTED");
        assertThat(request.at("/rejection/reasonCode").asString()).isEqualTo("REVIEW_REJECTED");
        assertThat(request.at("/rejection/rejectedBy").asString()).isEqualTo("rut");
        assertThat(request.at("/rejection/reason").asString()).isEqualTo("Informationstexten saknar kontaktuppgifter");
        assertThat(scenario.awaitRequestEvent("RequestRejected", id, "\"reasonCode\":\"REVIEW_REJECTED\""))
                .isNotNull();
    }

    @Test
    void flow4AdministratorWaitsForTrainingAndCompletesWhenGranted() {
        String id = scenario.file("anna", LifecycleScenario.administratorGrant());

        scenario.publishFor(id, PermissionMother.administratorAwaitingTraining());
        scenario.awaitStatus("anna", id, "WAITING_FOR_TRAINING");
        scenario.publishFor(id, PermissionMother.administratorGrantedAfterTraining());

        JsonNode request = scenario.awaitStatus("anna", id, "COMPLETED");
        assertThat(request.get("outcome").asString()).isEqualTo("Administrator permission active");
    }

    @Test
    void aRefusedPermissionRequestIsRejectedWithTheReasonCodeAndText() {
        String id = scenario.file("anna", LifecycleScenario.editorGrant());

        scenario.publishFor(id, PermissionMother.alreadyGranted());

        JsonNode request = scenario.awaitStatus("anna", id, "REJECTED");
        assertThat(request.at("/rejection/reasonCode").asString()).isEqualTo("PERMISSION_REFUSED");
        assertThat(request.at("/rejection/reason").asString()).startsWith("ALREADY_GRANTED: ");
    }

    @Test
    void flow5And7HandlerGroupAndEditorGrantsCompleteTheirRequests() {
        String handlers = scenario.file("erik", LifecycleScenario.handlerGroupGrant());
        String editor = scenario.file("anna", LifecycleScenario.editorGrant());

        scenario.publishFor(handlers, PermissionMother.handlerGroupGranted());
        scenario.publishFor(editor, PermissionMother.timeBoundEditorGranted());

        assertThat(scenario.awaitStatus("erik", handlers, "COMPLETED")
                        .get("outcome")
                        .asString())
                .isEqualTo("Case handler permission active");
        assertThat(scenario.awaitStatus("anna", editor, "COMPLETED")
                        .get("outcome")
                        .asString())
                .isEqualTo("Editor permission active");
    }

    @Test
    void aGroupRequestThatOnlyAddsMembersToAGroupHoldingTheRoleCompletesOnTheGroupChange() {
        String body = LifecycleScenario.handlerGroupGrant();
        String id = scenario.file("erik", body);

        ObjectNode added = publishGroupChange(id, "MEMBERS_ADDED");
        JsonNode request = scenario.awaitStatus("erik", id, "COMPLETED");

        assertThat(statusesOf(request)).containsExactly("SUBMITTED", "COMPLETED");
        assertThat(request.at("/timeline/1/causeEventType").asString()).isEqualTo("HandlerGroupChanged");
        assertThat(request.at("/timeline/1/causeEventId").asString())
                .isEqualTo(added.get("eventId").asString());
        assertThat(request.get("outcome").asString()).startsWith("Case handler permission active");
        // The same thing may be asked again now: the request let go of its subject key.
        assertThat(scenario.call("erik", HttpMethod.POST, "/api/requests", body).status())
                .isEqualTo(201);

        // A group that had no grant yet: its grant follows the group change; only noted as late.
        scenario.publish(PermissionMother.handlerGroupCreated(), added); // redelivered
        ObjectNode granted = scenario.publishFor(id, PermissionMother.handlerGroupGranted());
        awaitApplied(granted);
        JsonNode after = scenario.read("erik", id);
        assertThat(kindsOf(after)).containsExactly("STATUS_CHANGED", "STATUS_CHANGED", "LATE_EVENT");
        assertThat(scenario.requestEvents("RequestCompleted", id)).hasSize(1);
    }

    @Test
    void aGroupCreatedAndGrantedInEitherOrderCompletesItsRequestOnceOnTheGrant() {
        String createdFirst = scenario.file("erik", LifecycleScenario.handlerGroupGrant());
        String grantedFirst = scenario.file("erik", LifecycleScenario.handlerGroupGrant());
        String person = scenario.file("anna", LifecycleScenario.editorGrant());

        awaitApplied(publishGroupChange(createdFirst, "CREATED"));
        scenario.publishFor(createdFirst, PermissionMother.handlerGroupGranted());
        scenario.publishFor(grantedFirst, PermissionMother.handlerGroupGranted());
        scenario.awaitStatus("erik", grantedFirst, "COMPLETED");
        ObjectNode lateCreation = publishGroupChange(grantedFirst, "CREATED");
        ObjectNode notAGroupGrant = publishGroupChange(person, "MEMBERS_ADDED");
        awaitApplied(lateCreation);
        awaitApplied(notAGroupGrant);

        for (String id : List.of(createdFirst, grantedFirst)) {
            JsonNode request = scenario.awaitStatus("erik", id, "COMPLETED");
            assertThat(kindsOf(request)).as(id).containsExactly("STATUS_CHANGED", "STATUS_CHANGED");
            assertThat(request.at("/timeline/1/causeEventType").asString()).isEqualTo("PermissionGranted");
            assertThat(request.get("outcome").asString()).isEqualTo("Case handler permission active");
            assertThat(scenario.requestEvents("RequestCompleted", id)).hasSize(1);
        }
        assertThat(statusesOf(scenario.read("anna", person)))
                .as("a group change answers no grant to a person")
                .containsExactly("SUBMITTED");
    }

    @Test
    void aRequestWhoseGrantExpiresOrIsRevokedWhileWaitingForTrainingFailsOnceAndLetsGoOfItsSubject() {
        String eService = "es-" + UUID.randomUUID().toString().substring(0, 8);
        String body = LifecycleScenario.administratorGrant(eService);
        String expiring = scenario.file("anna", body);
        String revoked = scenario.file("anna", LifecycleScenario.administratorGrant());
        String activeFirst = scenario.file("anna", LifecycleScenario.administratorGrant());
        awaitingTraining(expiring);
        awaitingTraining(revoked);
        PermissionAwaitingTraining active = awaitingTraining(activeFirst);
        scenario.awaitStatus("anna", expiring, "WAITING_FOR_TRAINING");

        PermissionExpired expired = new PermissionExpired(
                UUID.randomUUID(),
                "gr-" + expiring,
                PermissionMother.UNTIL,
                PermissionRole.ADMINISTRATOR,
                eService,
                PermissionMother.carl(),
                null,
                PermissionMother.UNTIL);
        publishAsIs(expired);
        publishAsIs(expired); // delivered twice
        PermissionRevoked revocation = revocation("gr-" + revoked, "REQ-REVOKING");
        publishAsIs(revocation);
        // Granted after the training, then revoked: the request was completed by the grant and stays so.
        publishAsIs(new PermissionGranted(
                UUID.randomUUID(),
                active.grantId(),
                PermissionMother.AT,
                activeFirst,
                PermissionRole.ADMINISTRATOR,
                active.eServiceId(),
                null,
                active.person(),
                null,
                null,
                null,
                "cecilia",
                java.time.LocalDate.parse("2026-11-26")));
        scenario.awaitStatus("anna", activeFirst, "COMPLETED");
        PermissionRevoked afterwards = revocation(active.grantId(), "REQ-LATER");
        publishAsIs(afterwards);

        JsonNode failed = scenario.awaitStatus("anna", expiring, "FAILED");
        assertThat(statusesOf(failed)).containsExactly("SUBMITTED", "WAITING_FOR_TRAINING", "FAILED");
        assertThat(failed.at("/timeline/2/causeEventType").asString()).isEqualTo("PermissionExpired");
        assertThat(failed.at("/timeline/2/reason").asString()).contains("expired", "before the training");
        assertThat(failed.at("/failure/reasonCode").asString()).isEqualTo("AWAITED_GRANT_EXPIRED");
        assertThat(failed.at("/failure/reason").asString()).contains("expired", "before the training");
        assertThat(failed.at("/failure/causeEventId").asString())
                .isEqualTo(expired.eventId().toString());
        JsonNode revokedRequest = scenario.awaitStatus("anna", revoked, "FAILED");
        assertThat(revokedRequest.at("/timeline/2/reason").asString()).contains("revoked on request REQ-REVOKING");
        assertThat(revokedRequest.at("/failure/reasonCode").asString()).isEqualTo("AWAITED_GRANT_REVOKED");
        assertThat(revokedRequest.at("/failure/causeEventType").asString()).isEqualTo("PermissionRevoked");
        assertThat(scenario.call("anna", HttpMethod.POST, "/api/requests", body).status())
                .as("the failed request let go of its subject")
                .isEqualTo(201);
        await(() -> mongo.exists(
                Query.query(Criteria.where("_id").is("request-permissions:" + afterwards.eventId())),
                IdempotentConsumer.COLLECTION));
        assertThat(kindsOf(scenario.read("anna", activeFirst)))
                .as("the end of an active grant leaves its request alone")
                .containsExactly("STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED");
        scenario.awaitRequestEvent("RequestStatusChanged", expiring, "\"toStatus\":\"FAILED\"");
        assertThat(scenario.read("anna", expiring).get("timeline")).hasSize(3);
        assertThat(scenario.requestEvents("RequestStatusChanged", expiring)).hasSize(2);
    }

    private PermissionAwaitingTraining awaitingTraining(String requestId) {
        PermissionAwaitingTraining sample = PermissionMother.administratorAwaitingTraining();
        JsonNode request = scenario.read("anna", requestId);
        PermissionAwaitingTraining event = new PermissionAwaitingTraining(
                UUID.randomUUID(),
                "gr-" + requestId,
                sample.occurredAt(),
                requestId,
                sample.role(),
                request.at("/permission/eServiceId").asString(),
                sample.eServiceName(),
                sample.person(),
                null,
                null,
                sample.decidedBy());
        publishAsIs(event);
        scenario.awaitStatus("anna", requestId, "WAITING_FOR_TRAINING");
        return event;
    }

    private static PermissionRevoked revocation(String grantId, String revokingRequestId) {
        PermissionRevoked sample = PermissionMother.editorRevokedOnRequest();
        return new PermissionRevoked(
                UUID.randomUUID(),
                grantId,
                sample.occurredAt(),
                revokingRequestId,
                PermissionRole.ADMINISTRATOR,
                null,
                PermissionMother.carl(),
                null,
                "anna",
                sample.cause(),
                "Byter roll");
    }

    private void publishAsIs(DomainEvent event) {
        scenario.publish(event, (ObjectNode) EventJson.mapper().valueToTree(event));
    }

    /** A handler group change as permission-service publishes it for request {@code requestId}. */
    private ObjectNode publishGroupChange(String requestId, String change) {
        HandlerGroupChanged sample = PermissionMother.handlerGroupCreated();
        ObjectNode event = (ObjectNode) EventJson.mapper().valueToTree(sample);
        event.put("requestId", requestId);
        event.put("change", change);
        scenario.publish(sample, event);
        return event;
    }

    /** Waits until the status machine's permission consumer has applied the event (moved something or not). */
    private void awaitApplied(ObjectNode event) {
        await(() -> mongo.exists(
                Query.query(Criteria.where("_id")
                        .is("request-status-permission:" + event.get("eventId").asString())),
                IdempotentConsumer.COLLECTION));
    }

    @Test
    void flow6RetentionPurgeWaitsForApprovalAndCompletesWithTheCounts() {
        String id = scenario.file("anna", LifecycleScenario.retentionPurge());

        scenario.publishFor(id, PurgeMother.planCreatedOnRequest());
        scenario.awaitStatus("anna", id, "WAITING_FOR_PURGE_APPROVAL");
        scenario.publishFor(id, PurgeMother.planApproved());
        JsonNode approved = scenario.awaitStatus("anna", id, "IN_PROGRESS");
        scenario.publishFor(id, PurgeMother.retentionCompleted());

        JsonNode request = scenario.awaitStatus("anna", id, "COMPLETED");
        assertThat(approved.at("/timeline/2/actor").asString())
                .as("the approving archivist")
                .isNotBlank();
        // The contract's sample lists no other purges (an earlier purge-service): it completes the request alone.
        assertThat(request.get("outcome").asString()).isEqualTo("1,002 cases purged, 4 held back");
    }

    @Test
    void aFailedPurgeFailsTheRequestAndAnExpiredPlanToo() {
        String failing = scenario.file("anna", LifecycleScenario.testCasePurge("es-1001"));
        String expiring = scenario.file("anna", LifecycleScenario.retentionPurge());

        scenario.publishFor(failing, PurgeMother.noRuleForDecision());
        scenario.publishFor(expiring, PurgeMother.planCreatedOnRequest());
        scenario.publishFor(expiring, PurgeMother.planExpired());

        JsonNode failed = scenario.awaitStatus("anna", failing, "FAILED");
        assertThat(failed.at("/timeline/1/reason").asString()).isNotBlank();
        assertThat(failed.at("/failure/reasonCode").asString()).isEqualTo("PURGE_FAILED");
        assertThat(failed.at("/failure/reason").asString())
                .isEqualTo(failed.at("/timeline/1/reason").asString());
        assertThat(failed.at("/failure/failedBy").asString()).isEqualTo("purge-service");
        assertThat(failed.at("/failure/causeEventType").asString()).isEqualTo("PurgeFailed");
        assertThat(failed.at("/failure/causeEventId").asString())
                .isEqualTo(failed.at("/timeline/1/causeEventId").asString());
        assertThat(failed.has("rejection") && !failed.get("rejection").isNull()).isFalse();
        JsonNode expired = scenario.awaitStatus("anna", expiring, "FAILED");
        assertThat(expired.at("/timeline/2/reason").asString()).contains("expired");
        assertThat(expired.at("/failure/reasonCode").asString()).isEqualTo("PURGE_PLAN_EXPIRED");
        assertThat(expired.at("/failure/reason").asString()).contains("expired");
        assertThat(expired.at("/failure/causeEventType").asString()).isEqualTo("PurgePlanExpired");
    }

    @Test
    void publishedBeforeTheApprovalIsProcessedEndsCompletedAndTheLateEventsOnlyLeaveAMark() {
        String id = scenario.file("anna", LifecycleScenario.newEService());

        scenario.publishFor(id, PublicationMother.newEServicePublished());
        scenario.awaitStatus("anna", id, "COMPLETED");
        scenario.publishFor(id, PublicationMother.reviewRequested());
        scenario.publishFor(id, PublicationMother.reviewApproved());

        JsonNode request = scenario.awaitTimeline("anna", id, 4);
        assertThat(request.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(kindsOf(request)).containsExactly("STATUS_CHANGED", "STATUS_CHANGED", "LATE_EVENT", "LATE_EVENT");
        assertThat(statusesOf(request)).containsOnly("SUBMITTED", "COMPLETED");
        assertThat(scenario.requestEvents("RequestStatusChanged", id)).hasSize(1);
    }

    @Test
    void anEventDeliveredTwiceChangesTheRequestOnceEvenPastTheConsumersFastPath() {
        String id = scenario.file("anna", LifecycleScenario.newEService());

        ObjectNode requested = scenario.publishFor(id, PublicationMother.reviewRequested());
        scenario.awaitStatus("anna", id, "WAITING_FOR_REVIEW");
        // Forget the starter's record of applied events: only the request's own record can stop the duplicate.
        await(() -> mongo.remove(
                                Query.query(Criteria.where("_id")
                                        .regex(":" + requested.get("eventId").asString() + "$")),
                                IdempotentConsumer.COLLECTION)
                        .getDeletedCount()
                == 1);
        scenario.publish(PublicationMother.reviewRequested(), requested);
        scenario.publish(PublicationMother.reviewRequested(), requested);
        // Same key, same partition: once this is applied, the duplicates before it were handled.
        scenario.publishFor(id, PublicationMother.reviewApproved());

        JsonNode request = scenario.awaitStatus("anna", id, "IN_PROGRESS");
        assertThat(kindsOf(request)).containsExactly("STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED");
        assertThat(scenario.requestEvents("RequestStatusChanged", id)).hasSize(2);
    }

    @Test
    void eventsForUnknownRequestsOrForAnotherKindOfRequestMoveNothingAndAreNotDeadLettered() {
        String publication = scenario.file("anna", LifecycleScenario.newEService());
        ObjectNode unknown = scenario.publishFor("REQ-NOSUCHREQUEST", PublicationMother.reviewRequested());
        // A purge of a publication's test cases carries the publication's request id: not a purge request.
        scenario.publishFor(publication, PurgeMother.retentionCompleted());
        scenario.publishFor(publication, PublicationMother.reviewRequested());

        JsonNode request = scenario.awaitStatus("anna", publication, "WAITING_FOR_REVIEW");
        assertThat(statusesOf(request)).containsExactly("SUBMITTED", "WAITING_FOR_REVIEW");
        assertThat(PublishedEvents.get()
                        .find(
                                "error.eops.publication.events.request-status",
                                "ReviewRequested",
                                event -> event.payloadContains(
                                        unknown.get("eventId").asString())))
                .isEmpty();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(condition);
    }

    private static <E> E read(CapturedEvent captured, Class<E> type) {
        return EventJson.read(captured.payload().getBytes(StandardCharsets.UTF_8), type);
    }
}
