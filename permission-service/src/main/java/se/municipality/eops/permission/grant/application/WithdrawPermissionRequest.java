package se.municipality.eops.permission.grant.application;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.grant.domain.Transition;

/**
 * The requester withdrew a permission request, or the central team rejected it: the grant it asked for stops waiting
 * for the training and becomes {@code WITHDRAWN} ({@link Grant#withdraw}, {@link Grant#rejectByTeam}; the history says
 * which), so recording the training later does not activate it. Whatever the request already did stays done. Nothing
 * is published: request-service's {@code RequestWithdrawn} or {@code RequestRejected} is the public fact, and the
 * grant's history records the change. Of the rejections only the team's ({@code REJECTED_BY_TEAM}) stops anything:
 * the others answer a refusal (this service's {@code PermissionRequestRefused}), where nothing is open.
 *
 * <p>Relies on the order of the request topic: {@code RequestWithdrawn} and {@code RequestRejected} are keyed by the
 * request id like the request's {@code RequestSubmitted}, so all are on one partition and the consumer handles the
 * request (carries it out, refuses it, or dead-letters it) before its withdrawal or rejection. A request with no grant
 * here when that arrives is therefore one that made none (a refusal, a revocation, a group's new members, a
 * dead-lettered request) and nothing is undone or remembered; a dead-lettered {@code RequestSubmitted} replayed by hand
 * after its withdrawal or rejection would be carried out.
 */
@Service
public class WithdrawPermissionRequest {

    private static final Logger log = LoggerFactory.getLogger(WithdrawPermissionRequest.class);

    private final Grants grants;
    private final Clock clock;

    WithdrawPermissionRequest(Grants grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    /** @return whether this call withdrew a grant (false for a redelivery, or when there was nothing to withdraw) */
    public boolean handle(RequestWithdrawn withdrawn) {
        return stop(
                withdrawn.requestId(),
                "withdrawn",
                grant -> grant.withdraw(
                        withdrawn.requestId(),
                        PersonIds.normalize(withdrawn.withdrawnBy()),
                        withdrawn.reason(),
                        clock.instant()));
    }

    /**
     * @return whether this call withdrew a grant (false for a redelivery, for a rejection other than the team's, or
     *     when there was nothing to withdraw)
     */
    public boolean handle(RequestRejected rejected) {
        if (rejected.reasonCode() != RequestRejected.ReasonCode.REJECTED_BY_TEAM) {
            log.debug(
                    "Request {} was rejected ({}): not by the central team, so nothing here is open; nothing changes",
                    rejected.requestId(),
                    rejected.reasonCode());
            return false;
        }
        return stop(
                rejected.requestId(),
                "rejected by the central team",
                grant -> grant.rejectByTeam(
                        rejected.requestId(),
                        PersonIds.normalize(rejected.rejectedBy()),
                        rejected.reason(),
                        clock.instant()));
    }

    private boolean stop(String requestId, String what, Function<Grant, Optional<Transition>> change) {
        Optional<Grant> asked = grants.findById(ExecutePermissionRequest.grantIdFor(requestId));
        if (asked.isEmpty()) {
            log.info(
                    "Request {} was {}; it made no grant here (refused, a revocation, a group's members or"
                            + " not known), so nothing changes",
                    requestId,
                    what);
            return false;
        }
        Grant grant = asked.get();
        Optional<Transition> withdrawal = change.apply(grant);
        if (withdrawal.isEmpty()) {
            log.info(
                    "Request {} was {}, but its grant {} is {} and stays so",
                    requestId,
                    what,
                    grant.id(),
                    grant.status());
            return false;
        }
        // Guarded by the waiting status: if the training activated the grant first, the grant stays active.
        if (!grants.apply(withdrawal.get())) {
            log.info(
                    "Request {} was {}, but its grant {} stopped waiting for the training meanwhile and stays so",
                    requestId,
                    what,
                    grant.id());
            return false;
        }
        log.info(
                "Request {} was {}: grant {} of {} no longer waits for the training",
                requestId,
                what,
                grant.id(),
                grant.holder().describe());
        return true;
    }
}
