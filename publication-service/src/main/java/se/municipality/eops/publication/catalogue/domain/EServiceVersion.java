package se.municipality.eops.publication.catalogue.domain;

import java.time.Instant;
import java.util.List;
import se.municipality.eops.contract.publication.ChecklistItemRef;
import se.municipality.eops.contract.publication.PublicationKind;
import se.municipality.eops.publication.checklist.domain.ChecklistAnswer;

/**
 * A version of an e-service and the way it took.
 *
 * @param kind how it came: a brand-new e-service, a new version, or null when the central team
 *     registered an e-service that already ran
 * @param requestId the publication request it answers (null for a registration)
 * @param filedAt when that request was filed (for the time from request to publication)
 * @param checklistVersion the checklist version its answers were judged by (brand-new e-services)
 * @param missingItems the mandatory checklist items not confirmed (when blocked by the checklist)
 * @param review the reference group's review (brand-new e-services that passed the checklist)
 * @param withdrawnAt when its request was withdrawn or rejected by the central team (a version withdrawn in review
 *     or approved)
 * @param withdrawnBy who did: the requester, or the team member (null on versions withdrawn before it was recorded)
 * @param withdrawnBecause which of the two (null on versions withdrawn before it was recorded: the requester)
 */
public record EServiceVersion(
        String versionId,
        String label,
        PublicationKind kind,
        VersionStatus status,
        String requestId,
        String requesterId,
        Instant filedAt,
        Instant createdAt,
        Instant statusChangedAt,
        Instant publishedAt,
        Instant supersededAt,
        Integer checklistVersion,
        List<ChecklistAnswer> answers,
        List<ChecklistItemRef> missingItems,
        String blockedReason,
        Review review,
        Instant withdrawnAt,
        String withdrawnBy,
        WithdrawalCause withdrawnBecause) {

    public EServiceVersion {
        answers = answers == null ? List.of() : List.copyOf(answers);
        missingItems = missingItems == null ? List.of() : List.copyOf(missingItems);
    }

    EServiceVersion withStatus(VersionStatus next, Instant at) {
        return new EServiceVersion(
                versionId,
                label,
                kind,
                next,
                requestId,
                requesterId,
                filedAt,
                createdAt,
                at,
                next == VersionStatus.PUBLISHED ? at : publishedAt,
                next == VersionStatus.SUPERSEDED ? at : supersededAt,
                checklistVersion,
                answers,
                missingItems,
                blockedReason,
                review,
                withdrawnAt,
                withdrawnBy,
                withdrawnBecause);
    }

    /** This version withdrawn because its request ended: by the requester, or rejected by the central team. */
    EServiceVersion withdrawn(WithdrawalCause cause, String by, Instant at) {
        return new EServiceVersion(
                versionId,
                label,
                kind,
                VersionStatus.WITHDRAWN,
                requestId,
                requesterId,
                filedAt,
                createdAt,
                at,
                publishedAt,
                supersededAt,
                checklistVersion,
                answers,
                missingItems,
                blockedReason,
                review,
                at,
                by,
                cause);
    }

    EServiceVersion withReview(Review changed) {
        return new EServiceVersion(
                versionId,
                label,
                kind,
                status,
                requestId,
                requesterId,
                filedAt,
                createdAt,
                statusChangedAt,
                publishedAt,
                supersededAt,
                checklistVersion,
                answers,
                missingItems,
                blockedReason,
                changed,
                withdrawnAt,
                withdrawnBy,
                withdrawnBecause);
    }

    boolean is(VersionStatus wanted) {
        return status == wanted;
    }
}
