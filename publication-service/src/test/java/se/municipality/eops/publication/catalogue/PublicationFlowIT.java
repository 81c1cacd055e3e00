package se.municipality.eops.publication.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.publication.catalogue.PublicationScenario.newEServiceId;
import static se.municipality.eops.publication.catalogue.PublicationScenario.newReviewer;
import static se.municipality.eops.publication.catalogue.PublicationScenario.publish;
import static se.municipality.eops.publication.catalogue.PublicationScenario.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.contract.publication.ChecklistItemRef;
import se.municipality.eops.contract.publication.EServicePublished;
import se.municipality.eops.contract.publication.PublicationBlocked;
import se.municipality.eops.contract.publication.PublicationKind;
import se.municipality.eops.contract.publication.PublicationStalled;
import se.municipality.eops.contract.publication.ReviewApproved;
import se.municipality.eops.contract.publication.ReviewReminder;
import se.municipality.eops.contract.publication.ReviewRequested;
import se.municipality.eops.contract.purge.CasesPurged;
import se.municipality.eops.contract.purge.PurgeReason;
import se.municipality.eops.contract.request.PublicationRequest.ChecklistItem;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.publication.catalogue.PublicationScenario.Reviewer;
import se.municipality.eops.publication.catalogue.application.PublicationFollowUp;
import se.municipality.eops.publication.catalogue.application.PublicationProperties;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.ServiceIntegrationTest;

@ServiceIntegrationTest
class PublicationFlowIT {

    static final String INTAKE = "publication-intake";
    static final String PURGES = "publication-purges";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PublicationFollowUp followUp;

    @Autowired
    PublicationProperties properties;

    PublicationScenario scenario;
    int checklistVersion;

    @BeforeEach
    void checklistInForce() {
        scenario = new PublicationScenario(port, mongo);
        checklistVersion = scenario.publishTestChecklist();
    }

    @Test
    void aBrandNewEServiceMissingAMandatoryItemIsBlockedWithTheMissingItemsAndNeverReviewed() {
        String eServiceId = newEServiceId();
        // Accessibility confirmed by its id, the optional item left out, the test cases not confirmed.
        RequestSubmitted request = PublicationScenario.newEService(
                eServiceId,
                List.of(
                        new ChecklistItem("Tillgänglighetsgranskad", true, "accessibility"),
                        new ChecklistItem("Testärenden inskickade", false, "test-cases")));

        publish(request);

        PublicationBlocked blocked = scenario.awaitPublicationEvent(PublicationBlocked.class, request.requestId());
        assertThat(blocked.eServiceId()).isEqualTo(eServiceId);
        assertThat(blocked.reason()).isEqualTo(PublicationBlocked.Reason.CHECKLIST_INCOMPLETE);
        assertThat(blocked.checklistVersion()).isEqualTo(checklistVersion);
        assertThat(blocked.missingItems())
                .containsExactly(new ChecklistItemRef("test-cases", "Testärenden inskickade"));
        // The one write that blocked it raised no review: nothing for the reference group.
        assertThat(scenario.publicationEvents("ReviewRequested", request.requestId()))
                .isEmpty();
        HttpAnswer stored = scenario.http().get("/api/eservices/" + eServiceId, token("anna"));
        assertThat(stored.json().get("versions").get(0).get("status").asString())
                .isEqualTo("BLOCKED");
        assertThat(stored.json().get("versions").get(0).has("reviewId")).isFalse();
    }

    @Test
    void answersWithoutItemIdsAreMatchedByTheirExactText() {
        String complete = newEServiceId();
        RequestSubmitted byText = PublicationScenario.newEService(
                complete,
                List.of(
                        new ChecklistItem("Tillgänglighetsgranskad", true),
                        new ChecklistItem("Testärenden inskickade", true)));
        String almost = newEServiceId();
        RequestSubmitted textDiffers = PublicationScenario.newEService(
                almost,
                List.of(
                        new ChecklistItem("Tillgänglighetsgranskad", true),
                        new ChecklistItem("testärenden inskickade", true)));

        publish(byText);
        publish(textDiffers);

        assertThat(scenario.awaitPublicationEvent(ReviewRequested.class, byText.requestId())
                        .checklistVersion())
                .isEqualTo(checklistVersion);
        assertThat(scenario.awaitPublicationEvent(PublicationBlocked.class, textDiffers.requestId())
                        .missingItems())
                .extracting(ChecklistItemRef::itemId)
                .containsExactly("test-cases");
    }

    @Test
    void aRedeliveredOrRepublishedRequestNeverOpensASecondReview() {
        String eServiceId = newEServiceId();
        RequestSubmitted request = PublicationScenario.completeNewEService(eServiceId);
        publish(request);
        scenario.awaitPublicationEvent(ReviewRequested.class, request.requestId());
        long versionAfterFirst = scenario.storedVersion(eServiceId);

        // The same record again, and the same request under a new event id (which the starter's record of
        // applied event ids cannot catch).
        publish(request);
        RequestSubmitted republished = PublicationScenario.againWithAnotherEventId(request);
        publish(republished);
        scenario.awaitApplied(INTAKE, republished.eventId());

        assertThat(scenario.storedVersion(eServiceId)).isEqualTo(versionAfterFirst);
        assertThat(scenario.publicationEvents("ReviewRequested", request.requestId()))
                .hasSize(1);
    }

    @Test
    void aNewVersionIsPublishedAtOnceWithoutReviewAndSupersedesThePublishedOne() {
        String eServiceId = newEServiceId();
        assertThat(scenario.register(eServiceId, "Felanmälan").status()).isEqualTo(201);
        RequestSubmitted request = PublicationScenario.newVersion(eServiceId, "1.1");

        publish(request);

        EServicePublished published = scenario.awaitPublicationEvent(EServicePublished.class, request.requestId());
        assertThat(published.kind()).isEqualTo(PublicationKind.NEW_VERSION);
        assertThat(published.versionLabel()).isEqualTo("1.1");
        assertThat(published.versionId()).isEqualTo("v2");
        assertThat(published.supersededVersionId()).isEqualTo("v1");
        assertThat(published.reviewId()).isNull();
        assertThat(scenario.publicationEvents("ReviewRequested", request.requestId()))
                .isEmpty();
        var stored = scenario.http()
                .get("/api/eservices/" + eServiceId, token("anna"))
                .json();
        assertThat(stored.get("publishedVersion").get("label").asString()).isEqualTo("1.1");
        assertThat(stored.get("versions").get(0).get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(stored.get("versions").get(0).has("supersededAt")).isTrue();
        assertThat(stored.get("versions").get(1).get("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void aNewVersionWithoutALabelOrUnderALabelTakenAlreadyIsBlockedAndTheLiveVersionStays() {
        String eServiceId = newEServiceId();
        assertThat(scenario.register(eServiceId, "Bygglov").status()).isEqualTo(201);
        RequestSubmitted first = PublicationScenario.newVersion(eServiceId, "3.3");
        publish(first);
        scenario.awaitPublicationEvent(EServicePublished.class, first.requestId());
        RequestSubmitted sameLabel = PublicationScenario.newVersion(eServiceId, "3.3");
        RequestSubmitted unlabelled = PublicationScenario.newVersion(eServiceId, null);

        publish(sameLabel);
        PublicationBlocked taken = scenario.awaitPublicationEvent(PublicationBlocked.class, sameLabel.requestId());
        publish(unlabelled);
        PublicationBlocked missing = scenario.awaitPublicationEvent(PublicationBlocked.class, unlabelled.requestId());

        assertThat(taken.reason()).isEqualTo(PublicationBlocked.Reason.ESERVICE_ALREADY_EXISTS);
        assertThat(taken.detail()).contains("Version 3.3 of Bygglov", "exists already: v2, published");
        assertThat(missing.reason()).isEqualTo(PublicationBlocked.Reason.ESERVICE_ALREADY_EXISTS);
        assertThat(missing.detail()).contains("needs a version label", "(3.3)");
        assertThat(scenario.publicationEvents("EServicePublished", sameLabel.requestId()))
                .isEmpty();
        var stored = scenario.http()
                .get("/api/eservices/" + eServiceId, token("anna"))
                .json();
        assertThat(stored.get("publishedVersion").get("label").asString()).isEqualTo("3.3");
        assertThat(stored.get("publishedVersion").get("versionId").asString()).isEqualTo("v2");
        assertThat(stored.get("versions").get(2).get("status").asString()).isEqualTo("BLOCKED");
        assertThat(stored.get("versions").get(2).get("blockedReason").asString())
                .isEqualTo("VERSION_LABEL_TAKEN");
        assertThat(stored.get("versions").get(3).get("blockedReason").asString())
                .isEqualTo("VERSION_LABEL_MISSING");
    }

    @Test
    void aNewVersionOfAnUnknownEServiceIsBlocked() {
        RequestSubmitted request = PublicationScenario.newVersion(newEServiceId(), "2.0");

        publish(request);

        assertThat(scenario.awaitPublicationEvent(PublicationBlocked.class, request.requestId())
                        .reason())
                .isEqualTo(PublicationBlocked.Reason.UNKNOWN_ESERVICE);
    }

    @Test
    void theLastBatchOfItsTestCasePurgePublishesTheApprovedEServiceOnceAndADuplicateNothing() {
        String eServiceId = newEServiceId();
        String reviewId = approvedReview(eServiceId);
        ReviewApproved approved = scenario.awaitPublicationEvent(ReviewApproved.class, reviewId);
        CasesPurged firstBatch = testCasesPurged(approved, 1, false);
        CasesPurged lastBatch = testCasesPurged(approved, 2, true);

        publish(firstBatch);
        scenario.awaitApplied(PURGES, firstBatch.eventId());
        assertThat(scenario.publicationEvents("EServicePublished", reviewId)).isEmpty();
        publish(lastBatch);

        EServicePublished published = scenario.awaitPublicationEvent(EServicePublished.class, reviewId);
        assertThat(published.kind()).isEqualTo(PublicationKind.NEW_ESERVICE);
        assertThat(published.requestId()).isEqualTo(approved.requestId());
        assertThat(published.eServiceId()).isEqualTo(eServiceId);
        long versionAfterPublication = scenario.storedVersion(eServiceId);

        // The same record again (a redelivery) and the same confirmation under a new event id.
        publish(lastBatch);
        CasesPurged again = testCasesPurged(approved, 2, true);
        publish(again);
        scenario.awaitApplied(PURGES, again.eventId());

        assertThat(scenario.storedVersion(eServiceId)).isEqualTo(versionAfterPublication);
        assertThat(scenario.publicationEvents("EServicePublished", reviewId)).hasSize(1);
        var stored = scenario.http()
                .get("/api/eservices/" + eServiceId, token("anna"))
                .json();
        assertThat(stored.get("publishedVersion").get("reviewId").asString()).isEqualTo(reviewId);
        String metrics = scenario.http().get("/actuator/prometheus", null).body();
        assertThat(metrics)
                .contains("eops_publication_reviews_opened_total")
                .containsPattern("eops_publication_reviews_decided_total\\{[^}]*outcome=\"approved\"")
                .containsPattern("eops_publication_request_to_publication_seconds_count\\{[^}]*kind=\"NEW_ESERVICE\"");
    }

    @Test
    void aPurgeConfirmationWithoutReviewIdIsMatchedByTheRequest() {
        String eServiceId = newEServiceId();
        String reviewId = approvedReview(eServiceId);
        ReviewApproved approved = scenario.awaitPublicationEvent(ReviewApproved.class, reviewId);
        CasesPurged byRequest = new CasesPurged(
                UUID.randomUUID(),
                "purge-" + UUID.randomUUID(),
                Instant.now(),
                PurgeReason.TEST_CASES,
                eServiceId,
                approved.requestId(),
                null,
                null,
                null,
                null,
                null,
                1,
                true,
                List.of(),
                0L);

        publish(byRequest);

        assertThat(scenario.awaitPublicationEvent(EServicePublished.class, approved.requestId())
                        .reviewId())
                .isEqualTo(reviewId);
    }

    @Test
    void anApprovedEServiceWaitingTooLongForItsPurgeIsFlaggedOnceAndListedForTheCentralTeam() {
        String eServiceId = newEServiceId();
        String reviewId = approvedReview(eServiceId);
        Instant later = Instant.now().plus(properties.stallAfter()).plus(Duration.ofMinutes(1));

        followUp.flagStalledPublications(Instant.now());
        assertThat(scenario.publicationEvents("PublicationStalled", reviewId)).isEmpty();
        followUp.flagStalledPublications(later);

        PublicationStalled stalled = scenario.awaitPublicationEvent(PublicationStalled.class, reviewId);
        assertThat(stalled.eServiceId()).isEqualTo(eServiceId);
        assertThat(stalled.requestId()).startsWith("REQ-");
        assertThat(stalled.waitedMinutes())
                .isGreaterThanOrEqualTo(properties.stallAfter().toMinutes());
        HttpAnswer list = scenario.http().get("/api/publications/stalled", token("cecilia"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(eServiceId).contains(reviewId);
        assertThat(scenario.http()
                        .get("/api/publications/stalled", token("anna"))
                        .status())
                .isEqualTo(403);

        long versionAfterFlag = scenario.storedVersion(eServiceId);
        followUp.flagStalledPublications(later.plus(Duration.ofHours(1)));
        assertThat(scenario.storedVersion(eServiceId)).isEqualTo(versionAfterFlag);
    }

    @Test
    void aReviewWaitingTooLongRemindsTheReviewersOnce() {
        String eServiceId = newEServiceId();
        String reviewId = scenario.openReview(eServiceId);
        Instant later = Instant.now().plus(properties.remindAfter()).plus(Duration.ofMinutes(1));

        followUp.remindOfWaitingReviews(later);

        ReviewReminder reminder = scenario.awaitPublicationEvent(ReviewReminder.class, reviewId);
        assertThat(reminder.quorum()).isEqualTo(2);
        assertThat(reminder.approvals()).isZero();
        long versionAfterReminder = scenario.storedVersion(eServiceId);
        followUp.remindOfWaitingReviews(later.plus(Duration.ofDays(1)));
        assertThat(scenario.storedVersion(eServiceId)).isEqualTo(versionAfterReminder);
    }

    /** purge-service's confirmation for the approved review, as its contract shapes it. */
    static CasesPurged testCasesPurged(ReviewApproved approved, int batchNumber, boolean lastBatch) {
        return new CasesPurged(
                UUID.randomUUID(),
                "purge-" + approved.reviewId(),
                Instant.now(),
                PurgeReason.TEST_CASES,
                approved.eServiceId(),
                approved.requestId(),
                approved.reviewId(),
                null,
                null,
                null,
                null,
                batchNumber,
                lastBatch,
                List.of("case-" + batchNumber + "-1", "case-" + batchNumber + "-2"),
                lastBatch ? Long.valueOf(2L * batchNumber) : null);
    }

    /** A brand-new e-service approved by two reviewers; answers its review id. */
    String approvedReview(String eServiceId) {
        String reviewId = scenario.openReview(eServiceId);
        Reviewer first = newReviewer("rolf");
        Reviewer second = newReviewer("rut");
        assertThat(scenario.decide(reviewId, first, "APPROVE", null, null).status())
                .isEqualTo(200);
        assertThat(scenario.decide(reviewId, second, "APPROVE", null, null).status())
                .isEqualTo(200);
        return reviewId;
    }
}
