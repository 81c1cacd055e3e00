package se.municipality.eops.publication.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static se.municipality.eops.publication.catalogue.PublicationScenario.newEServiceId;
import static se.municipality.eops.publication.catalogue.PublicationScenario.newReviewer;
import static se.municipality.eops.publication.catalogue.PublicationScenario.publish;
import static se.municipality.eops.publication.catalogue.PublicationScenario.rejection;
import static se.municipality.eops.publication.catalogue.PublicationScenario.token;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.municipality.eops.contract.publication.ReviewApproved;
import se.municipality.eops.contract.publication.ReviewRequested;
import se.municipality.eops.contract.purge.CasesPurged;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestRejected.ReasonCode;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.publication.catalogue.PublicationScenario.Reviewer;
import se.municipality.eops.publication.catalogue.application.PublicationFollowUp;
import se.municipality.eops.publication.catalogue.application.PublicationProperties;
import se.municipality.eops.testkit.HttpAnswer;
import se.municipality.eops.testkit.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The central team rejects a publication request ({@code RequestRejected} with {@code REJECTED_BY_TEAM}): the work on
 * it stops as on the requester's withdrawal, and the version records the team's rejection. Other rejections change
 * nothing.
 */
@ServiceIntegrationTest
class TeamRejectionIT {

    static final String INTAKE = PublicationFlowIT.INTAKE;
    static final String PURGES = PublicationFlowIT.PURGES;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PublicationFollowUp followUp;

    @Autowired
    PublicationProperties properties;

    PublicationScenario scenario;

    @BeforeEach
    void checklistInForce() {
        scenario = new PublicationScenario(port, mongo);
        scenario.publishTestChecklist();
    }

    @Test
    void aTeamRejectionInReviewClosesTheReviewSoItLeavesTheListAndADecisionIsRefused() {
        String eServiceId = newEServiceId();
        RequestSubmitted request = PublicationScenario.completeNewEService(eServiceId);
        publish(request);
        String reviewId = scenario.awaitPublicationEvent(ReviewRequested.class, request.requestId())
                .reviewId();
        Reviewer reviewer = newReviewer("rut");
        assertThat(scenario.http()
                        .get("/api/reviews?mine=true", reviewer.token())
                        .body())
                .contains(reviewId);
        RequestRejected rejected = rejection(request, ReasonCode.REJECTED_BY_TEAM);

        publish(rejected);
        scenario.awaitApplied(INTAKE, rejected.eventId());

        assertThat(scenario.http()
                        .get("/api/reviews?mine=true", reviewer.token())
                        .body())
                .doesNotContain(reviewId);
        assertThat(scenario.http()
                        .get("/api/reviews?mine=false", reviewer.token())
                        .body())
                .doesNotContain(reviewId);
        HttpAnswer refused = scenario.decide(reviewId, reviewer, "APPROVE", null, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("reviewId");
        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("review-closed");
        JsonNode version = version(eServiceId);
        assertThat(version.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(version.get("withdrawnBecause").asString()).isEqualTo("REJECTED_BY_TEAM");
        assertThat(version.get("withdrawnBy").asString()).isEqualTo("cecilia");
        assertThat(Instant.parse(version.get("withdrawnAt").asString()))
                .isEqualTo(rejected.occurredAt().truncatedTo(ChronoUnit.MILLIS));
        followUp.remindOfWaitingReviews(
                Instant.now().plus(properties.remindAfter()).plus(Duration.ofDays(1)));
        assertThat(scenario.publicationEvents("ReviewReminder", reviewId)).isEmpty();

        // The same rejection under a new event id (past the starter's record of applied ids): nothing changes.
        long versionAfterRejection = scenario.storedVersion(eServiceId);
        RequestRejected again = new RequestRejected(
                UUID.randomUUID(),
                rejected.requestId(),
                Instant.now(),
                rejected.requester(),
                rejected.requestType(),
                rejected.eServiceId(),
                rejected.eServiceName(),
                rejected.rejectedBy(),
                rejected.reasonCode(),
                rejected.reason(),
                null);
        publish(again);
        scenario.awaitApplied(INTAKE, again.eventId());
        assertThat(scenario.storedVersion(eServiceId)).isEqualTo(versionAfterRejection);
        assertThat(version(eServiceId)).isEqualTo(version);
    }

    @Test
    void aTeamRejectionAfterApprovalMeansTheLaterPurgeConfirmationPublishesNothing() {
        String eServiceId = newEServiceId();
        RequestSubmitted request = PublicationScenario.completeNewEService(eServiceId);
        publish(request);
        String reviewId = scenario.awaitPublicationEvent(ReviewRequested.class, request.requestId())
                .reviewId();
        assertThat(scenario.decide(reviewId, newReviewer("rolf"), "APPROVE", null, null)
                        .status())
                .isEqualTo(200);
        assertThat(scenario.decide(reviewId, newReviewer("rut"), "APPROVE", null, null)
                        .status())
                .isEqualTo(200);
        ReviewApproved approved = scenario.awaitPublicationEvent(ReviewApproved.class, reviewId);
        RequestRejected rejected = rejection(request, ReasonCode.REJECTED_BY_TEAM);

        publish(rejected);
        scenario.awaitApplied(INTAKE, rejected.eventId());

        assertThat(version(eServiceId).get("status").asString()).isEqualTo("WITHDRAWN");
        long versionAfterRejection = scenario.storedVersion(eServiceId);
        CasesPurged purged = PublicationFlowIT.testCasesPurged(approved, 1, true);
        publish(purged);
        scenario.awaitApplied(PURGES, purged.eventId());

        assertThat(scenario.storedVersion(eServiceId)).isEqualTo(versionAfterRejection);
        assertThat(scenario.publicationEvents("EServicePublished", reviewId)).isEmpty();
        JsonNode after = scenario.http()
                .get("/api/eservices/" + eServiceId, token("anna"))
                .json();
        assertThat(after.has("publishedVersion")).isFalse();
        assertThat(after.get("versions").get(0).get("withdrawnBecause").asString())
                .isEqualTo("REJECTED_BY_TEAM");
    }

    @Test
    void aRejectionForAnotherReasonChangesNothing() {
        String eServiceId = newEServiceId();
        RequestSubmitted request = PublicationScenario.completeNewEService(eServiceId);
        publish(request);
        String reviewId = scenario.awaitPublicationEvent(ReviewRequested.class, request.requestId())
                .reviewId();
        long versionInReview = scenario.storedVersion(eServiceId);
        RequestRejected other = rejection(request, ReasonCode.PUBLICATION_BLOCKED);

        publish(other);
        scenario.awaitApplied(INTAKE, other.eventId());

        assertThat(scenario.storedVersion(eServiceId)).isEqualTo(versionInReview);
        JsonNode version = version(eServiceId);
        assertThat(version.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(version.has("withdrawnAt")).isFalse();
        Reviewer reviewer = newReviewer("rolf");
        assertThat(scenario.http().get("/api/reviews", reviewer.token()).body()).contains(reviewId);
        assertThat(scenario.decide(reviewId, reviewer, "APPROVE", null, null).status())
                .isEqualTo(200);
    }

    private JsonNode version(String eServiceId) {
        return scenario.http()
                .get("/api/eservices/" + eServiceId, token("anna"))
                .json()
                .get("versions")
                .get(0);
    }
}
