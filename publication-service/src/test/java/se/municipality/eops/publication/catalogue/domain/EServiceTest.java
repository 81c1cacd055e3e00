package se.municipality.eops.publication.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.municipality.eops.contract.publication.BasicInfo;
import se.municipality.eops.contract.publication.ChecklistItemRef;
import se.municipality.eops.contract.publication.EServicePublished;
import se.municipality.eops.contract.publication.PublicationBlocked;
import se.municipality.eops.contract.publication.PublicationKind;
import se.municipality.eops.contract.publication.PublicationStalled;
import se.municipality.eops.contract.publication.ReviewApproved;
import se.municipality.eops.contract.publication.ReviewRequested;
import se.municipality.eops.publication.checklist.domain.ChecklistVerdict;

class EServiceTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final ChecklistVerdict COMPLETE = new ChecklistVerdict(1, List.of());

    @Test
    void aCompleteBrandNewEServiceGoesToReview() {
        EService eService = requested("REQ-1");

        eService.requestNewEService(request("REQ-1", PublicationKind.NEW_ESERVICE), COMPLETE, 2, "rev-1", NOW);

        assertThat(eService.versions()).singleElement().satisfies(version -> {
            assertThat(version.status()).isEqualTo(VersionStatus.IN_REVIEW);
            assertThat(version.review().quorum()).isEqualTo(2);
        });
        assertThat(eService.newEvents()).singleElement().isInstanceOf(ReviewRequested.class);
        assertThat(eService.hasHandled("REQ-1")).isTrue();
    }

    @Test
    void anIncompleteChecklistBlocksNamingTheMissingItems() {
        EService eService = requested("REQ-1");
        var missing = List.of(new ChecklistItemRef("test-cases", "Testärenden inskickade"));

        eService.requestNewEService(
                request("REQ-1", PublicationKind.NEW_ESERVICE), new ChecklistVerdict(4, missing), 2, "rev-1", NOW);

        assertThat(eService.versions().get(0).status()).isEqualTo(VersionStatus.BLOCKED);
        assertThat(eService.newEvents()).singleElement().isInstanceOfSatisfying(PublicationBlocked.class, blocked -> {
            assertThat(blocked.missingItems()).isEqualTo(missing);
            assertThat(blocked.checklistVersion()).isEqualTo(4);
        });
    }

    @Test
    void theQuorumApprovesOnceAndEachSeatDecidesOnce() {
        EService eService = inReview();

        eService.decide("rev-1", new ReviewVote("rolf", null, true, null, NOW));
        assertThat(eService.newEvents()).isEmpty();
        assertThat(eService.hasChanges()).isTrue();
        assertThatThrownBy(() -> eService.decide("rev-1", new ReviewVote("rut", "rolf", true, null, NOW)))
                .isInstanceOfSatisfying(
                        PublicationRefused.class,
                        refused -> assertThat(refused.kind()).isEqualTo(PublicationRefused.Kind.CONFLICT));
        eService.decide("rev-1", new ReviewVote("rut", null, true, null, NOW));

        assertThat(eService.versions().get(0).status()).isEqualTo(VersionStatus.APPROVED);
        assertThat(eService.newEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        ReviewApproved.class,
                        approved -> assertThat(approved.approvals()).hasSize(2));
        assertThatThrownBy(() -> eService.decide("rev-1", new ReviewVote("third", null, true, null, NOW)))
                .isInstanceOf(PublicationRefused.class);
    }

    @Test
    void aDelegateDecidesOnceInAllSoOnePersonNeverMakesTheQuorumAlone() {
        EService eService = inReview();

        eService.decide("rev-1", new ReviewVote("rut", null, true, null, NOW));
        assertThatThrownBy(() -> eService.decide("rev-1", new ReviewVote("rut", "rolf", true, null, NOW)))
                .isInstanceOfSatisfying(PublicationRefused.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(PublicationRefused.Kind.CONFLICT);
                    assertThat(refused.getMessage()).contains("rut");
                });
        EService other = inReview();
        other.decide("rev-1", new ReviewVote("rut", "rolf", true, null, NOW));
        assertThatThrownBy(() -> other.decide("rev-1", new ReviewVote("rut", null, true, null, NOW)))
                .isInstanceOf(PublicationRefused.class);

        assertThat(eService.versions().get(0).status()).isEqualTo(VersionStatus.IN_REVIEW);
        assertThat(other.versions().get(0).status()).isEqualTo(VersionStatus.IN_REVIEW);
        assertThat(eService.newEvents()).isEmpty();
        assertThat(other.newEvents()).isEmpty();
    }

    @Test
    void aRejectionNeedsAReason() {
        EService eService = inReview();

        assertThatThrownBy(() -> eService.decide("rev-1", new ReviewVote("rut", null, false, " ", NOW)))
                .isInstanceOfSatisfying(PublicationRefused.class, refused -> {
                    assertThat(refused.field()).isEqualTo("comment");
                    assertThat(refused.code()).isEqualTo("required");
                });
        assertThat(eService.hasChanges()).isFalse();
    }

    @Test
    void thePurgePublishesTheApprovedVersionOnceAndANewVersionSupersedesIt() {
        EService eService = inReview();
        eService.decide("rev-1", new ReviewVote("rolf", null, true, null, NOW));
        eService.decide("rev-1", new ReviewVote("rut", null, true, null, NOW));

        assertThat(eService.testCasesPurged("rev-1", null, NOW)).isTrue();
        assertThat(eService.testCasesPurged("rev-1", null, NOW)).isFalse();
        eService.requestNewVersion(request("REQ-2", PublicationKind.NEW_VERSION), NOW.plusSeconds(60));

        assertThat(eService.versions())
                .extracting(EServiceVersion::status)
                .containsExactly(VersionStatus.SUPERSEDED, VersionStatus.PUBLISHED);
        assertThat(eService.newEvents().stream().filter(EServicePublished.class::isInstance))
                .hasSize(2);
    }

    @Test
    void anApprovedVersionIsFlaggedAsStalledOnceAfterTheConfiguredTime() {
        EService eService = inReview();
        eService.decide("rev-1", new ReviewVote("rolf", null, true, null, NOW));
        eService.decide("rev-1", new ReviewVote("rut", null, true, null, NOW));

        assertThat(eService.flagStalledPublications(NOW.plus(Duration.ofHours(23)), Duration.ofHours(24)))
                .isZero();
        assertThat(eService.flagStalledPublications(NOW.plus(Duration.ofHours(24)), Duration.ofHours(24)))
                .isOne();
        assertThat(eService.flagStalledPublications(NOW.plus(Duration.ofHours(48)), Duration.ofHours(24)))
                .isZero();
        assertThat(eService.newEvents().stream().filter(PublicationStalled.class::isInstance))
                .hasSize(1);
    }

    @Test
    void aWithdrawalInReviewClosesTheReviewSoNoDecisionOrReminderMovesItAgain() {
        EService eService = inReview();
        Instant withdrawnAt = NOW.plus(Duration.ofHours(2));

        assertThat(eService.withdrawRequest("REQ-1", "anna", withdrawnAt)).isEqualTo(Withdrawal.WITHDRAWN);

        assertThat(eService.versions()).singleElement().satisfies(version -> {
            assertThat(version.status()).isEqualTo(VersionStatus.WITHDRAWN);
            assertThat(version.withdrawnAt()).isEqualTo(withdrawnAt);
            assertThat(version.statusChangedAt()).isEqualTo(withdrawnAt);
            assertThat(version.publishedAt()).isNull();
        });
        assertThat(eService.hasChanges()).isTrue();
        assertThat(eService.newEvents()).isEmpty();
        assertThat(eService.inProgress()).isEmpty();
        assertThatThrownBy(() -> eService.decide("rev-1", new ReviewVote("rolf", null, true, null, NOW)))
                .isInstanceOfSatisfying(PublicationRefused.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(PublicationRefused.Kind.CONFLICT);
                    assertThat(refused.field()).isEqualTo("reviewId");
                    assertThat(refused.code()).isEqualTo(PublicationRefused.REVIEW_CLOSED);
                    assertThat(refused.getMessage()).contains("WITHDRAWN");
                });
        assertThat(eService.remindOfWaitingReviews(NOW.plus(Duration.ofDays(10)), Duration.ofDays(3)))
                .isZero();
        assertThat(eService.newEvents()).isEmpty();
    }

    @Test
    void anApprovedVersionWithdrawnIsNeitherPublishedByItsPurgeNorFlaggedAsStalled() {
        EService approved = inReview();
        approved.decide("rev-1", new ReviewVote("rolf", null, true, null, NOW));
        approved.decide("rev-1", new ReviewVote("rut", null, true, null, NOW));
        EService eService = stored(approved);

        assertThat(eService.withdrawRequest("REQ-1", "anna", NOW.plusSeconds(60)))
                .isEqualTo(Withdrawal.WITHDRAWN);

        assertThat(eService.versions().get(0).status()).isEqualTo(VersionStatus.WITHDRAWN);
        assertThat(eService.testCasesPurged("rev-1", "REQ-1", NOW.plusSeconds(120)))
                .isFalse();
        assertThat(eService.testCasesPurged(null, "REQ-1", NOW.plusSeconds(120)))
                .isFalse();
        assertThat(eService.flagStalledPublications(NOW.plus(Duration.ofDays(3)), Duration.ofHours(24)))
                .isZero();
        assertThat(eService.published()).isEmpty();
        assertThat(eService.versions().get(0).status()).isEqualTo(VersionStatus.WITHDRAWN);
        assertThat(eService.newEvents()).isEmpty();
    }

    @Test
    void withdrawingAgainChangesNothing() {
        EService withdrawn = inReview();
        withdrawn.withdrawRequest("REQ-1", "anna", NOW.plusSeconds(60));
        EService eService = stored(withdrawn);

        assertThat(eService.withdrawRequest("REQ-1", "anna", NOW.plusSeconds(120)))
                .isEqualTo(Withdrawal.WITHDRAWN_BEFORE);

        assertThat(eService.hasChanges()).isFalse();
        assertThat(eService.newEvents()).isEmpty();
        assertThat(eService.versions().get(0).withdrawnAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aVersionThatWentItsWayStaysAsItIsWhenItsRequestIsWithdrawn() {
        EService published = inReview();
        published.decide("rev-1", new ReviewVote("rolf", null, true, null, NOW));
        published.decide("rev-1", new ReviewVote("rut", null, true, null, NOW));
        published.testCasesPurged("rev-1", null, NOW);
        published.requestNewVersion(request("REQ-2", PublicationKind.NEW_VERSION), NOW);
        published.requestNewEService(request("REQ-3", PublicationKind.NEW_ESERVICE), COMPLETE, 2, "rev-3", NOW);
        EService rejected = inReview();
        rejected.decide("rev-1", new ReviewVote("rut", null, false, "Kontaktuppgifter saknas", NOW));
        EService blocked = requested("REQ-1");
        blocked.requestNewEService(
                request("REQ-1", PublicationKind.NEW_ESERVICE),
                new ChecklistVerdict(1, List.of(new ChecklistItemRef("test-cases", "Testärenden inskickade"))),
                2,
                "rev-1",
                NOW);
        EService afterAll = stored(published);
        assertThat(afterAll.versions())
                .extracting(EServiceVersion::status)
                .containsExactly(VersionStatus.SUPERSEDED, VersionStatus.PUBLISHED, VersionStatus.BLOCKED);

        for (String requestId : List.of("REQ-1", "REQ-2", "REQ-3")) {
            assertThat(afterAll.withdrawRequest(requestId, "anna", NOW.plusSeconds(60)))
                    .as(requestId)
                    .isEqualTo(Withdrawal.TOO_LATE);
        }
        EService storedRejected = stored(rejected);
        assertThat(storedRejected.withdrawRequest("REQ-1", "anna", NOW.plusSeconds(60)))
                .isEqualTo(Withdrawal.TOO_LATE);
        EService storedBlocked = stored(blocked);
        assertThat(storedBlocked.withdrawRequest("REQ-1", "anna", NOW.plusSeconds(60)))
                .isEqualTo(Withdrawal.TOO_LATE);
        assertThat(afterAll.withdrawRequest("REQ-UNKNOWN", "anna", NOW.plusSeconds(60)))
                .isEqualTo(Withdrawal.NO_SUCH_REQUEST);

        for (EService untouched : List.of(afterAll, storedRejected, storedBlocked)) {
            assertThat(untouched.hasChanges()).isFalse();
            assertThat(untouched.newEvents()).isEmpty();
            assertThat(untouched.versions())
                    .extracting(EServiceVersion::withdrawnAt)
                    .containsOnlyNulls();
        }
        assertThat(storedRejected.versions().get(0).status()).isEqualTo(VersionStatus.REJECTED);
        assertThat(storedBlocked.versions().get(0).status()).isEqualTo(VersionStatus.BLOCKED);
    }

    @Test
    void aNewRequestForTheEServiceGoesToReviewAgainAfterAWithdrawal() {
        EService inReview = inReview();
        inReview.withdrawRequest("REQ-1", "anna", NOW);
        EService approved = inReview();
        approved.decide("rev-1", new ReviewVote("rolf", null, true, null, NOW));
        approved.decide("rev-1", new ReviewVote("rut", null, true, null, NOW));
        approved.withdrawRequest("REQ-1", "anna", NOW);

        for (EService withdrawn : List.of(stored(inReview), stored(approved))) {
            withdrawn.requestNewEService(
                    request("REQ-2", PublicationKind.NEW_ESERVICE), COMPLETE, 2, "rev-2", NOW.plusSeconds(60));

            assertThat(withdrawn.versions())
                    .extracting(EServiceVersion::status)
                    .containsExactly(VersionStatus.WITHDRAWN, VersionStatus.IN_REVIEW);
            assertThat(withdrawn.newEvents())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            ReviewRequested.class,
                            requested -> assertThat(requested.reviewId()).isEqualTo("rev-2"));
        }
    }

    @Test
    void aTeamRejectionInReviewClosesTheReviewAsAWithdrawalDoesAndRecordsTheTeamsRejection() {
        EService eService = inReview();
        Instant rejectedAt = NOW.plus(Duration.ofHours(2));

        assertThat(eService.rejectRequestByTeam("REQ-1", "cecilia", rejectedAt)).isEqualTo(Withdrawal.WITHDRAWN);

        assertThat(eService.versions()).singleElement().satisfies(version -> {
            assertThat(version.status()).isEqualTo(VersionStatus.WITHDRAWN);
            assertThat(version.withdrawnBecause()).isEqualTo(WithdrawalCause.REJECTED_BY_TEAM);
            assertThat(version.withdrawnBy()).isEqualTo("cecilia");
            assertThat(version.withdrawnAt()).isEqualTo(rejectedAt);
            assertThat(version.statusChangedAt()).isEqualTo(rejectedAt);
        });
        assertThat(eService.newEvents())
                .as("RequestRejected is the public fact")
                .isEmpty();
        assertThat(eService.inProgress()).isEmpty();
        assertThatThrownBy(() -> eService.decide("rev-1", new ReviewVote("rolf", null, true, null, NOW)))
                .isInstanceOfSatisfying(
                        PublicationRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(PublicationRefused.REVIEW_CLOSED));
        assertThat(eService.remindOfWaitingReviews(NOW.plus(Duration.ofDays(10)), Duration.ofDays(3)))
                .isZero();
        assertThat(eService.newEvents()).isEmpty();
    }

    @Test
    void anApprovedVersionWhoseRequestTheTeamRejectedIsNotPublishedByItsPurge() {
        EService approved = inReview();
        approved.decide("rev-1", new ReviewVote("rolf", null, true, null, NOW));
        approved.decide("rev-1", new ReviewVote("rut", null, true, null, NOW));
        EService eService = stored(approved);

        assertThat(eService.rejectRequestByTeam("REQ-1", "cecilia", NOW.plusSeconds(60)))
                .isEqualTo(Withdrawal.WITHDRAWN);

        assertThat(eService.testCasesPurged("rev-1", "REQ-1", NOW.plusSeconds(120)))
                .isFalse();
        assertThat(eService.flagStalledPublications(NOW.plus(Duration.ofDays(3)), Duration.ofHours(24)))
                .isZero();
        assertThat(eService.published()).isEmpty();
        assertThat(eService.newEvents()).isEmpty();
    }

    @Test
    void aTeamRejectionAgainOrAfterAWithdrawalOrOfAVersionThatWentItsWayChangesNothing() {
        EService rejected = inReview();
        rejected.rejectRequestByTeam("REQ-1", "cecilia", NOW.plusSeconds(60));
        EService withdrawn = inReview();
        withdrawn.withdrawRequest("REQ-1", "anna", NOW.plusSeconds(60));
        EService reviewerRejected = inReview();
        reviewerRejected.decide("rev-1", new ReviewVote("rut", null, false, "Kontaktuppgifter saknas", NOW));

        for (EService written : List.of(rejected, withdrawn)) {
            EService eService = stored(written);
            assertThat(eService.rejectRequestByTeam("REQ-1", "cecilia", NOW.plusSeconds(120)))
                    .isEqualTo(Withdrawal.WITHDRAWN_BEFORE);
            assertThat(eService.hasChanges()).isFalse();
            assertThat(eService.versions().get(0).withdrawnAt()).isEqualTo(NOW.plusSeconds(60));
        }
        assertThat(stored(withdrawn).versions().get(0).withdrawnBecause()).isEqualTo(WithdrawalCause.REQUEST_WITHDRAWN);
        assertThat(stored(withdrawn).versions().get(0).withdrawnBy()).isEqualTo("anna");
        EService storedReviewerRejected = stored(reviewerRejected);
        assertThat(storedReviewerRejected.rejectRequestByTeam("REQ-1", "cecilia", NOW.plusSeconds(60)))
                .isEqualTo(Withdrawal.TOO_LATE);
        assertThat(storedReviewerRejected.hasChanges()).isFalse();
        assertThat(storedReviewerRejected.versions().get(0).status()).isEqualTo(VersionStatus.REJECTED);
        assertThat(stored(inReview()).rejectRequestByTeam("REQ-UNKNOWN", "cecilia", NOW))
                .isEqualTo(Withdrawal.NO_SUCH_REQUEST);
    }

    @Test
    void anEditLogsOnlyWhatChanged() {
        EService eService = EService.register(
                "es-1",
                "Felanmälan",
                null,
                null,
                null,
                "1.0",
                new BasicInfo("Text", List.of("a"), null),
                "cecilia",
                NOW);

        assertThat(eService.editBasicInfo(new BasicInfo("Text", List.of("a"), null), "erik", NOW))
                .isEmpty();
        var change = eService.editBasicInfo(new BasicInfo("Text", List.of("a", "b"), null), "erik", NOW);

        assertThat(change).hasValueSatisfying(c -> assertThat(c.changedFields()).containsExactly("searchKeywords"));
        assertThat(eService.changeLog()).hasSize(1);
    }

    private static EService inReview() {
        EService eService = requested("REQ-1");
        eService.requestNewEService(request("REQ-1", PublicationKind.NEW_ESERVICE), COMPLETE, 2, "rev-1", NOW);
        return stored(eService);
    }

    /** The e-service as read back after its write: no new events, nothing changed yet. */
    private static EService stored(EService written) {
        return EService.restore(
                written.id(),
                written.name(),
                written.committee(),
                written.orderer(),
                written.contact(),
                written.basicInfo(),
                written.registeredAt(),
                written.versions(),
                written.changeLog(),
                1L);
    }

    private static EService requested(String requestId) {
        return EService.firstRequested(request(requestId, PublicationKind.NEW_ESERVICE), NOW);
    }

    private static FiledPublication request(String requestId, PublicationKind kind) {
        return new FiledPublication(
                requestId,
                "anna",
                NOW,
                kind,
                "es-1",
                "Felanmälan",
                "1.0",
                "Tekniska nämnden",
                "Gatuenheten",
                List.of());
    }
}
