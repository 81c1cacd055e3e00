package se.municipality.eops.publication.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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

    @Test
    void aNewVersionWithoutALabelIsBlockedSayingWhy() {
        for (String missing : new String[] {null, "", "  "}) {
            EService eService = registered();

            eService.requestNewVersion(
                    request("REQ-2", PublicationKind.NEW_VERSION, missing, "Felanmälan"), NOW.plusSeconds(60));

            assertThat(eService.versions())
                    .extracting(EServiceVersion::status)
                    .containsExactly(VersionStatus.PUBLISHED, VersionStatus.BLOCKED);
            assertThat(eService.versions().get(1).blockedReason()).isEqualTo(EService.VERSION_LABEL_MISSING);
            assertThat(eService.published().orElseThrow().label()).isEqualTo("1.0");
            assertThat(eService.newEvents())
                    .singleElement()
                    .isInstanceOfSatisfying(PublicationBlocked.class, blocked -> {
                        assertThat(blocked.requestId()).isEqualTo("REQ-2");
                        assertThat(blocked.detail()).contains("needs a version label", "(1.0)");
                    });
        }
    }

    @Test
    void aNewVersionUnderALabelAVersionCarriesAlreadyIsBlockedNamingThatVersion() {
        EService eService = registered();
        eService.requestNewVersion(request("REQ-2", PublicationKind.NEW_VERSION, "3.3", "Felanmälan"), NOW);
        EService afterFirst = stored(eService);

        afterFirst.requestNewVersion(request("REQ-3", PublicationKind.NEW_VERSION, " 3.3 ", "Felanmälan"), NOW);
        afterFirst.requestNewVersion(request("REQ-4", PublicationKind.NEW_VERSION, "1.0", "Felanmälan"), NOW);

        assertThat(afterFirst.versions())
                .extracting(EServiceVersion::label, EServiceVersion::status, EServiceVersion::blockedReason)
                .containsExactly(
                        tuple("1.0", VersionStatus.SUPERSEDED, null),
                        tuple("3.3", VersionStatus.PUBLISHED, null),
                        tuple(" 3.3 ", VersionStatus.BLOCKED, EService.VERSION_LABEL_TAKEN),
                        tuple("1.0", VersionStatus.BLOCKED, EService.VERSION_LABEL_TAKEN));
        assertThat(afterFirst.newEvents())
                .extracting(event -> ((PublicationBlocked) event).detail())
                .containsExactly(
                        "Version 3.3 of Felanmälan (es-1) exists already: v2, published; file the new version under"
                                + " a label of its own",
                        "Version 1.0 of Felanmälan (es-1) exists already: v1, superseded; file the new version under"
                                + " a label of its own");
        assertThat(afterFirst.newEvents())
                .extracting(event -> ((PublicationBlocked) event).reason())
                .containsOnly(PublicationBlocked.Reason.ESERVICE_ALREADY_EXISTS);
    }

    @Test
    void aLabelOfAVersionThatWentNowhereMayBeUsedAgain() {
        EService eService = registered();
        eService.requestNewVersion(request("REQ-2", PublicationKind.NEW_VERSION, null, "Felanmälan"), NOW);
        eService.requestNewVersion(request("REQ-3", PublicationKind.NEW_VERSION, "2.0", "Felanmälan"), NOW);

        assertThat(eService.published().orElseThrow().label()).isEqualTo("2.0");
    }

    @Test
    void aNewVersionKeepsTheCataloguesNameWhateverTheRequestCallsIt() {
        EService eService = registered();

        eService.requestNewVersion(request("REQ-2", PublicationKind.NEW_VERSION, "1.1", "Helt fel namn"), NOW);

        assertThat(eService.name()).isEqualTo("Felanmälan");
        assertThat(eService.newEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        EServicePublished.class,
                        published -> assertThat(published.eServiceName()).isEqualTo("Felanmälan"));
    }

    @Test
    void aSecondDecisionForASeatSaysWhoFilledIt() {
        EService eService = inReview();
        eService.decide("rev-1", new ReviewVote("rut", "rolf", true, "För Rolf", NOW));

        // Rolf did not decide: Rut did, for him.
        assertThatThrownBy(() -> eService.decide("rev-1", new ReviewVote("rolf", null, true, null, NOW)))
                .isInstanceOfSatisfying(PublicationRefused.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(PublicationRefused.Kind.CONFLICT);
                    assertThat(refused.code()).isEqualTo(PublicationRefused.DECIDED_ALREADY);
                    assertThat(refused.getMessage())
                            .startsWith("rut has decided for rolf on this review already")
                            .doesNotContain("rolf has decided");
                    assertThat(refused.params())
                            .containsEntry("decidedBy", "rut")
                            .containsEntry("onBehalfOf", "rolf");
                });
        EService own = inReview();
        own.decide("rev-1", new ReviewVote("rolf", null, true, null, NOW));
        assertThatThrownBy(() -> own.decide("rev-1", new ReviewVote("rut", "rolf", true, null, NOW)))
                .hasMessageStartingWith("rolf has decided on this review already");
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
        return request(requestId, kind, kind == PublicationKind.NEW_VERSION ? "1.1" : "1.0", "Felanmälan");
    }

    private static FiledPublication request(String requestId, PublicationKind kind, String label, String name) {
        return new FiledPublication(
                requestId, "anna", NOW, kind, "es-1", name, label, "Tekniska nämnden", "Gatuenheten", List.of());
    }

    /** Felanmälan registered as published under 1.0 (v1). */
    private static EService registered() {
        EService eService = EService.register(
                "es-1", "Felanmälan", null, null, null, "1.0", new BasicInfo("Text", List.of(), null), "cecilia", NOW);
        return stored(eService);
    }
}
