package se.municipality.eops.permission.grant.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.municipality.eops.contract.DomainEvent;
import se.municipality.eops.contract.permission.PermissionAwaitingTraining;
import se.municipality.eops.contract.permission.PermissionExpired;
import se.municipality.eops.contract.permission.PermissionExpiring;
import se.municipality.eops.contract.permission.PermissionGranted;
import se.municipality.eops.contract.permission.PermissionRevoked;
import se.municipality.eops.contract.permission.PermissionRevoked.RevocationCause;
import se.municipality.eops.contract.permission.PermissionRole;

/**
 * A role given to a person or a handler group: administrator (of one e-service, or in general),
 * editor or case handler of one e-service, optionally for a period, with its status and history.
 * Administrator grants wait for training; nothing else activates them, and withdrawing the request
 * that asked for one while it waits, or the central team rejecting it, ends it for good.
 *
 * @param requestId the request that asked for the grant, if any
 * @param decidedBy who decided it (a personId, or {@code system})
 */
public record Grant(
        String id,
        PermissionRole role,
        String eServiceId,
        String eServiceName,
        Holder holder,
        Instant validFrom,
        Instant validUntil,
        GrantStatus status,
        String requestId,
        String decidedBy,
        List<HistoryEntry> history) {

    /**
     * Whether this grant lasts at least until {@code end} (null: for good). A request for a later end than every
     * grant the holder has is an extension, not something they already have.
     */
    public boolean lastsUntil(Instant end) {
        return validUntil == null || (end != null && !validUntil.isBefore(end));
    }

    public Grant {
        history = List.copyOf(history);
        if (holder.isGroup() && role != PermissionRole.CASE_HANDLER) {
            throw new IllegalArgumentException("groups hold the case-handler role only");
        }
        if (role != PermissionRole.ADMINISTRATOR && eServiceId == null) {
            throw new IllegalArgumentException(role + " is a role on one e-service");
        }
    }

    /** The grant a request or the demo data asks for. */
    public record Wish(
            String grantId,
            PermissionRole role,
            String eServiceId,
            String eServiceName,
            Holder holder,
            Instant validFrom,
            Instant validUntil,
            String requestId,
            String decidedBy) {}

    /** A new grant and the event that announces it. */
    public record Decided(Grant grant, DomainEvent event) {}

    /**
     * Decides a new grant: an administrator without training on record waits for it
     * ({@link PermissionAwaitingTraining}); everything else is active at once.
     *
     * @param training the person's training, or null when none is on record
     */
    public static Decided decide(Wish wish, Training training, Instant now) {
        boolean waits = wish.role() == PermissionRole.ADMINISTRATOR && training == null;
        GrantStatus status = waits ? GrantStatus.AWAITING_TRAINING : GrantStatus.ACTIVE;
        String note = waits ? "waits for the administrator training" : "granted";
        Grant grant = new Grant(
                wish.grantId(),
                wish.role(),
                wish.eServiceId(),
                wish.eServiceName(),
                wish.holder(),
                wish.validFrom(),
                wish.validUntil(),
                status,
                wish.requestId(),
                wish.decidedBy(),
                List.of(new HistoryEntry(now, status, wish.requestId(), wish.decidedBy(), note)));
        DomainEvent event = waits
                ? new PermissionAwaitingTraining(
                        UUID.randomUUID(),
                        grant.id(),
                        now,
                        grant.requestId(),
                        grant.role(),
                        grant.eServiceId(),
                        grant.eServiceName(),
                        grant.holder().person(),
                        grant.validFrom(),
                        grant.validUntil(),
                        grant.decidedBy())
                : grant.granted(now, training == null ? null : training.completedOn());
        return new Decided(grant, event);
    }

    /** Activates an administrator grant that waited, now that the training is on record. */
    public Transition activate(Training training, Instant now) {
        return new Transition(
                id,
                Set.of(GrantStatus.AWAITING_TRAINING),
                GrantStatus.ACTIVE,
                new HistoryEntry(
                        now,
                        GrantStatus.ACTIVE,
                        requestId,
                        training.recordedBy(),
                        "training " + training.course() + " completed on " + training.completedOn()),
                granted(now, training.completedOn()));
    }

    /**
     * What withdrawing the request that asked for this grant does to it. A grant that still waits for the training
     * was not carried out yet: it is withdrawn and the training no longer activates it. A grant that was carried out
     * (active, expiring) or has ended (expired, revoked, withdrawn before) stays as it is, and so does a grant another
     * request asked for (one a withdrawn revocation request revoked stays revoked): empty. The change announces
     * nothing of its own; the request's {@code RequestWithdrawn} is the public fact.
     *
     * @param withdrawnRequestId the request that was withdrawn
     * @param by who withdrew it (a personId)
     * @param reason what they said, or null
     */
    public Optional<Transition> withdraw(String withdrawnRequestId, String by, String reason, Instant now) {
        return stopWaiting(withdrawnRequestId, by, "request withdrawn before the training was on record", reason, now);
    }

    /**
     * What the central team's rejection of the request that asked for this grant does to it: the same as a
     * withdrawal ({@link #withdraw}), a grant still waiting for the training ends {@code WITHDRAWN} and anything else
     * stays as it is, but the history says the team rejected the request, who did and why. Announces nothing: the
     * request's {@code RequestRejected} is the public fact.
     *
     * @param rejectedRequestId the request the team rejected
     * @param by the team member who rejected it (a personId)
     * @param reason the reason they gave, or null
     */
    public Optional<Transition> rejectByTeam(String rejectedRequestId, String by, String reason, Instant now) {
        return stopWaiting(
                rejectedRequestId,
                by,
                "request rejected by the central team before the training was on record",
                reason,
                now);
    }

    private Optional<Transition> stopWaiting(
            String stoppedRequestId, String by, String what, String reason, Instant now) {
        if (status != GrantStatus.AWAITING_TRAINING || requestId == null || !requestId.equals(stoppedRequestId)) {
            return Optional.empty();
        }
        String note = reason == null || reason.isBlank() ? what : what + ": " + reason.strip();
        return Optional.of(new Transition(
                id,
                Set.of(GrantStatus.AWAITING_TRAINING),
                GrantStatus.WITHDRAWN,
                new HistoryEntry(now, GrantStatus.WITHDRAWN, requestId, by, note),
                null));
    }

    public Transition revoke(Instant now, String requestId, String by, RevocationCause cause, String reason) {
        return new Transition(
                id,
                GrantStatus.OPEN,
                GrantStatus.REVOKED,
                new HistoryEntry(now, GrantStatus.REVOKED, requestId, by, reason),
                new PermissionRevoked(
                        UUID.randomUUID(),
                        id,
                        now,
                        requestId,
                        role,
                        eServiceId,
                        holder.person(),
                        holder.group(),
                        by,
                        cause,
                        reason));
    }

    /** The warning that the grant ends soon, given once, while it is active. */
    public Transition warnExpiring(Instant now) {
        return new Transition(
                id,
                Set.of(GrantStatus.ACTIVE),
                GrantStatus.EXPIRING,
                new HistoryEntry(now, GrantStatus.EXPIRING, null, "system", "ends at " + validUntil),
                new PermissionExpiring(
                        UUID.randomUUID(),
                        id,
                        now,
                        requestId,
                        role,
                        eServiceId,
                        holder.person(),
                        holder.group(),
                        validUntil));
    }

    public Transition expire(Instant now) {
        return new Transition(
                id,
                GrantStatus.OPEN,
                GrantStatus.EXPIRED,
                new HistoryEntry(now, GrantStatus.EXPIRED, null, "system", "validity ended at " + validUntil),
                new PermissionExpired(
                        UUID.randomUUID(), id, now, role, eServiceId, holder.person(), holder.group(), validUntil));
    }

    /** Whether the grant lets its holder act at {@code now}: in force and inside its period. */
    public boolean inForceAt(Instant now) {
        return GrantStatus.IN_FORCE.contains(status)
                && (validFrom == null || !now.isBefore(validFrom))
                && (validUntil == null || now.isBefore(validUntil));
    }

    public Grant with(Transition transition) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(transition.entry());
        return new Grant(
                id,
                role,
                eServiceId,
                eServiceName,
                holder,
                validFrom,
                validUntil,
                transition.to(),
                requestId,
                decidedBy,
                longer);
    }

    private PermissionGranted granted(Instant now, LocalDate trainingCompletedOn) {
        return new PermissionGranted(
                UUID.randomUUID(),
                id,
                now,
                requestId,
                role,
                eServiceId,
                eServiceName,
                holder.person(),
                holder.group(),
                validFrom,
                validUntil,
                decidedBy,
                trainingCompletedOn);
    }
}
