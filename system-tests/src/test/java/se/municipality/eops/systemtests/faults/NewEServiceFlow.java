package se.municipality.eops.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import se.municipality.eops.contract.Topics;
import tools.jackson.databind.JsonNode;

/**
 * One brand-new e-service on its way through flow 1 (its test cases and real cases fed through the platform's
 * topic, filed, reviewed by the quorum, test cases purged, published, completed), driven step by step so that a
 * fault test can break something between two steps, and checked at the end for having happened once.
 */
final class NewEServiceFlow {

    private final FaultFlows flows;
    final String eServiceId;
    final List<String> testCases;
    final List<String> realCases;
    String requestId;
    String reviewId;

    private NewEServiceFlow(FaultFlows flows, String eServiceId, List<String> testCases, List<String> realCases) {
        this.flows = flows;
        this.eServiceId = eServiceId;
        this.testCases = testCases;
        this.realCases = realCases;
    }

    /** A new e-service with two test cases and two real ones on the platform's topic. */
    static NewEServiceFlow withCases(FaultFlows flows, String prefix) {
        String eServiceId = FaultFlows.unique(prefix);
        List<String> testCases = flows.submitCases(eServiceId, "test", 2, true, Duration.ofDays(2));
        List<String> realCases = flows.submitCases(eServiceId, "real", 2, false, Duration.ofDays(1));
        return new NewEServiceFlow(flows, eServiceId, testCases, realCases);
    }

    /** A new e-service already filed (without cases on the platform). */
    static NewEServiceFlow filed(FaultFlows flows, String eServiceId, String requestId) {
        NewEServiceFlow flow = new NewEServiceFlow(flows, eServiceId, List.of(), List.of());
        flow.requestId = requestId;
        return flow;
    }

    NewEServiceFlow file() {
        requestId = flows.fileNewEService(eServiceId);
        return this;
    }

    /** Waits until the reference group has the review (the request waits for it). */
    NewEServiceFlow awaitReview() {
        reviewId = flows.awaitReviewId(requestId);
        flows.awaitStatus(requestId, "WAITING_FOR_REVIEW");
        return this;
    }

    /** The quorum approves, once purge-service has the e-service's cases in its index. */
    NewEServiceFlow approve() {
        flows.awaitCasesIndexed();
        flows.approveReview(reviewId);
        return this;
    }

    String testCasePurgeId() {
        return "purge-" + reviewId;
    }

    /**
     * The request completed with every step on its timeline once; the e-service reviewed, approved and published
     * once; its test cases (and only those) purged once with one purge-log entry. Its mails: {@link #expectedMails}.
     */
    void assertCompletedOnce() {
        JsonNode request = flows.awaitStatus(requestId, "COMPLETED");
        assertThat(FaultFlows.statusesOnTimeline(request))
                .as(requestId + " timeline")
                .containsExactly("SUBMITTED", "WAITING_FOR_REVIEW", "IN_PROGRESS", "COMPLETED");
        assertThat(FaultFlows.kindsOnTimeline(request))
                .as(requestId + " timeline")
                .containsOnly("STATUS_CHANGED");

        assertThat(flows.distinct(Topics.PUBLICATION_EVENTS, "ReviewRequested", this::aboutThisEService))
                .hasSize(1);
        assertThat(flows.distinct(Topics.PUBLICATION_EVENTS, "ReviewApproved", this::aboutThisEService))
                .hasSize(1);
        assertThat(flows.distinct(Topics.PUBLICATION_EVENTS, "EServicePublished", this::aboutThisEService))
                .as("publications of " + eServiceId)
                .hasSize(1);

        // Exactly its test cases: none of its real ones.
        assertThat(flows.purgedCaseIds(testCasePurgeId()))
                .as("cases purged for " + eServiceId + " (real ones: " + realCases + ")")
                .containsExactlyInAnyOrderElementsOf(testCases);
        assertThat(flows.distinct(
                        Topics.PURGE_EVENTS,
                        "PurgeCompleted",
                        event -> testCasePurgeId().equals(FaultFlows.field(event, "purgeId"))))
                .hasSize(1);
        assertThat(flows.purgeLogEntries(testCasePurgeId())).hasSize(1);
    }

    /**
     * Anna's receipt, WAITING_FOR_REVIEW, IN_PROGRESS and completed; the team's new request; the reviewers' review
     * (its subject names the e-service).
     */
    List<FaultFlows.ExpectedMails> expectedMails() {
        return List.of(
                new FaultFlows.ExpectedMails(FaultFlows.ANNA, requestId, 4),
                new FaultFlows.ExpectedMails(FaultFlows.CENTRAL_TEAM, requestId, 1),
                new FaultFlows.ExpectedMails(FaultFlows.REFERENCE_GROUP, eServiceId, 1));
    }

    private boolean aboutThisEService(se.municipality.eops.testkit.PublishedEvents.CapturedEvent event) {
        return eServiceId.equals(FaultFlows.field(event, "eServiceId"));
    }
}
