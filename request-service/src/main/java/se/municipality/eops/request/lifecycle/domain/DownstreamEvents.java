package se.municipality.eops.request.lifecycle.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.permission.HandlerGroupChanged;
import se.municipality.eops.contract.permission.HandlerGroupChanged.GroupChange;
import se.municipality.eops.contract.permission.PermissionAwaitingTraining;
import se.municipality.eops.contract.permission.PermissionExpired;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.contract.permission.PermissionRequestRefused;
import se.municipality.eops.contract.permission.PermissionRevoked;
import se.municipality.eops.contract.permission.PermissionRole;
import se.municipality.eops.contract.publication.EServicePublished;
import se.municipality.eops.contract.publication.PublicationBlocked;
import se.municipality.eops.contract.publication.ReviewApproved;
import se.municipality.eops.contract.publication.ReviewRejected;
import se.municipality.eops.contract.publication.ReviewRequested;
import se.municipality.eops.contract.purge.PurgeCompleted;
import se.municipality.eops.contract.purge.PurgeFailed;
import se.municipality.eops.contract.purge.PurgePlanApproved;
import se.municipality.eops.contract.purge.PurgePlanCreated;
import se.municipality.eops.contract.purge.PurgePlanExpired;
import se.municipality.eops.contract.purge.PurgeReason;
import se.municipality.eops.contract.request.MissingItem;
import se.municipality.eops.contract.request.RequestRejected.ReasonCode;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.request.filing.domain.Milestone;
import se.municipality.eops.request.filing.domain.PurgePlans;
import se.municipality.eops.request.filing.domain.PurgePlans.Stage;
import se.municipality.eops.request.filing.domain.Rejection;
import se.municipality.eops.request.filing.domain.Transition;

/**
 * The status machine's inputs: which event of publication-, purge- and permission-service moves a request
 * where. The first event a service publishes about a request is the sign that it has taken the request up,
 * and it moves the request straight to the status it tells of (waiting for review, training or purge approval,
 * or an end); IN_PROGRESS comes from an approval (the work goes on) or from the team assigning a request.
 *
 * <p>A permission request that grants the case-handler role to a group is answered by {@code PermissionGranted}
 * when the group gets the role with it (the group is created or grown first: its {@code HandlerGroupChanged}
 * carries the requestId too and moves nothing), and by {@code HandlerGroupChanged} {@code MEMBERS_ADDED} alone when
 * the group held the role already and the request only added members (permission-service publishes no grant
 * then). When both come (a group that existed without the role), the first one processed completes the request
 * and the other is only noted as late. Group changes never answer a revocation (permission-service revokes a
 * group's grant without changing the group) or a grant to one person.
 *
 * <p>An expired purge plan FAILS the request rather than rejecting it: nobody decided against the purge, the
 * archivists' approval just never came within the plan's time, and the team should look at why.
 *
 * <p>A RETENTION request gets a purge per rule of its decision; their events list them all ({@code
 * requestPlanIds}), and such an event carries a {@link DownstreamMove#purgeReport()}: {@link RetentionPurges} then
 * completes the request only once every purge completed. An event without the list answers the request alone.
 */
public final class DownstreamEvents {

    static final String PUBLICATION_SERVICE = "publication-service";
    static final String PURGE_SERVICE = "purge-service";
    static final String PERMISSION_SERVICE = "permission-service";

    private DownstreamEvents() {}

    /** The move an event asks for, or empty when it names no request or moves none. */
    public static Optional<DownstreamMove> moveFor(DomainEvent event) {
        DownstreamMove move = null;
        if (event instanceof ReviewRequested e) {
            move = publication(
                    e.requestId(), Transition.to(Milestone.WAITING_FOR_REVIEW, PUBLICATION_SERVICE, type(e), id(e)));
        } else if (event instanceof PublicationBlocked e) {
            move = publication(e.requestId(), Transition.rejected(blocked(e), type(e), id(e)));
        } else if (event instanceof ReviewRejected e) {
            move = publication(
                    e.requestId(),
                    Transition.rejected(
                            new Rejection(ReasonCode.REVIEW_REJECTED, e.reason(), e.reviewerId(), null),
                            type(e),
                            id(e)));
        } else if (event instanceof ReviewApproved e) {
            move = publication(e.requestId(), Transition.to(Milestone.APPROVED, PUBLICATION_SERVICE, type(e), id(e)));
        } else if (event instanceof EServicePublished e) {
            move = publication(
                    e.requestId(),
                    Transition.completed(
                            e.versionLabel() == null ? "Published" : "Published version " + e.versionLabel(),
                            PUBLICATION_SERVICE,
                            type(e),
                            id(e)));
        } else if (event instanceof PurgePlanCreated e) {
            move = purge(
                    e.requestId(),
                    Transition.to(Milestone.WAITING_FOR_PURGE_APPROVAL, PURGE_SERVICE, type(e), id(e)),
                    report(e.planId(), e.requestPlanIds(), Stage.WAITING_FOR_APPROVAL, e.ruleId(), 0, 0));
        } else if (event instanceof PurgePlanApproved e) {
            move = purge(
                    e.requestId(),
                    Transition.to(
                            Milestone.APPROVED,
                            e.approvedBy() == null ? PURGE_SERVICE : e.approvedBy(),
                            type(e),
                            id(e)),
                    report(e.planId(), e.requestPlanIds(), Stage.APPROVED, null, 0, 0));
        } else if (event instanceof PurgeCompleted e) {
            move = purge(
                    e.requestId(),
                    Transition.completed(purged(e), PURGE_SERVICE, type(e), id(e)),
                    report(
                            e.purgeId(),
                            e.requestPlanIds(),
                            Stage.COMPLETED,
                            e.ruleId(),
                            e.purgedCaseCount(),
                            e.heldBackCaseCount()));
        } else if (event instanceof PurgeFailed e) {
            move = purge(e.requestId(), Transition.failed(e.failure(), PURGE_SERVICE, type(e), id(e)));
        } else if (event instanceof PurgePlanExpired e) {
            move = purge(
                    e.requestId(),
                    Transition.failed(
                            RetentionPurges.expired(e.planId(), e.ruleId(), e.expiresAt()),
                            PURGE_SERVICE,
                            type(e),
                            id(e)),
                    report(e.planId(), e.requestPlanIds(), Stage.EXPIRED, e.ruleId(), 0, 0));
        } else if (event instanceof PermissionAwaitingTraining e) {
            move = permission(
                    e.requestId(), Transition.to(Milestone.WAITING_FOR_TRAINING, PERMISSION_SERVICE, type(e), id(e)));
        } else if (event instanceof PermissionGranted e) {
            move = permission(
                    e.requestId(),
                    Transition.completed(
                            roleName(e.role()) + " permission active", PERMISSION_SERVICE, type(e), id(e)));
        } else if (event instanceof PermissionRevoked e) {
            move = permission(
                    e.requestId(),
                    Transition.completed(
                            roleName(e.role()) + " permission revoked", PERMISSION_SERVICE, type(e), id(e)));
        } else if (event instanceof HandlerGroupChanged e && e.change() == GroupChange.MEMBERS_ADDED) {
            move = groupGrant(e.requestId(), Transition.completed(membersAdded(e), PERMISSION_SERVICE, type(e), id(e)));
        } else if (event instanceof PermissionRequestRefused e) {
            move = permission(
                    e.requestId(),
                    Transition.rejected(
                            new Rejection(
                                    ReasonCode.PERMISSION_REFUSED,
                                    e.reasonCode() + ": " + e.reason(),
                                    PERMISSION_SERVICE,
                                    null),
                            type(e),
                            id(e)));
        }
        return Optional.ofNullable(move);
    }

    /**
     * The end of a permission request whose grant was revoked while it waited for training: the permission will
     * never become active. FAILED, not REJECTED: nobody refused the request itself (the revocation names its own
     * request, which it completes).
     */
    public static Transition awaitedGrantEnded(PermissionRevoked e) {
        String by = e.requestId() == null ? "" : " on request " + e.requestId();
        String why = e.reason() == null || e.reason().isBlank() ? "" : " (" + e.reason() + ")";
        return Transition.failed(
                "The " + roleName(e.role()).toLowerCase(Locale.ROOT) + " permission waiting for training was revoked"
                        + by + why + " before the training was recorded",
                PERMISSION_SERVICE,
                type(e),
                id(e));
    }

    /**
     * The end of a permission request whose grant expired while it waited for training: FAILED, as an expired
     * purge plan fails its request (nobody decided against it; the training did not come in time).
     */
    public static Transition awaitedGrantEnded(PermissionExpired e) {
        return Transition.failed(
                "The " + roleName(e.role()).toLowerCase(Locale.ROOT) + " permission waiting for training expired"
                        + (e.validUntil() == null ? "" : " at " + e.validUntil())
                        + " before the training was recorded",
                PERMISSION_SERVICE,
                type(e),
                id(e));
    }

    private static Rejection blocked(PublicationBlocked e) {
        if (e.reason() == PublicationBlocked.Reason.CHECKLIST_INCOMPLETE) {
            List<MissingItem> missing = e.missingItems() == null
                    ? List.of()
                    : e.missingItems().stream()
                            .map(item -> new MissingItem(item.itemId(), item.text()))
                            .toList();
            String reason = "Blocked by the checklist: " + missing.size() + " mandatory item"
                    + (missing.size() == 1 ? "" : "s") + " not confirmed ("
                    + String.join("; ", missing.stream().map(MissingItem::text).toList())
                    + "). File a new request once they are done.";
            return new Rejection(ReasonCode.CHECKLIST_INCOMPLETE, reason, PUBLICATION_SERVICE, missing);
        }
        String reason = e.reason() + (e.detail() == null ? "" : ": " + e.detail());
        return new Rejection(ReasonCode.PUBLICATION_BLOCKED, reason, PUBLICATION_SERVICE, null);
    }

    private static String purged(PurgeCompleted e) {
        return RetentionPurges.purged(
                e.reason() == PurgeReason.TEST_CASES, e.purgedCaseCount(), e.heldBackCaseCount(), 1);
    }

    /** What a purge event that lists every purge of its request tells of its purge; null for one that lists none. */
    private static PurgePlans.Report report(
            String planId, List<String> requestPlanIds, Stage stage, String ruleId, long purged, long heldBack) {
        return requestPlanIds == null || requestPlanIds.isEmpty() || planId == null
                ? null
                : new PurgePlans.Report(planId, requestPlanIds, stage, ruleId, purged, heldBack);
    }

    private static String roleName(PermissionRole role) {
        String name = role.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String membersAdded(HandlerGroupChanged e) {
        int added = e.added() == null ? 0 : e.added().size();
        return "Case handler permission active: " + added + " member" + (added == 1 ? "" : "s") + " added to the group "
                + e.name();
    }

    private static DownstreamMove publication(String requestId, Transition transition) {
        return move(requestId, RequestType.PUBLICATION, transition);
    }

    private static DownstreamMove purge(String requestId, Transition transition) {
        return move(requestId, RequestType.PURGE, transition);
    }

    private static DownstreamMove purge(String requestId, Transition transition, PurgePlans.Report report) {
        return requestId == null || requestId.isBlank()
                ? null
                : new DownstreamMove(requestId, RequestType.PURGE, transition, false, report);
    }

    private static DownstreamMove permission(String requestId, Transition transition) {
        return move(requestId, RequestType.PERMISSION, transition);
    }

    private static DownstreamMove groupGrant(String requestId, Transition transition) {
        return requestId == null || requestId.isBlank()
                ? null
                : new DownstreamMove(requestId, RequestType.PERMISSION, transition, true);
    }

    private static DownstreamMove move(String requestId, RequestType type, Transition transition) {
        return requestId == null || requestId.isBlank() ? null : new DownstreamMove(requestId, type, transition);
    }

    private static String type(DomainEvent event) {
        return event.getClass().getSimpleName();
    }

    private static String id(DomainEvent event) {
        return event.eventId().toString();
    }
}
