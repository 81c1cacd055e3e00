package se.municipality.eops.permission.grant.application;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.contract.permission.PersonIds;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.permission.grant.domain.Grant;
import se.municipality.eops.permission.grant.domain.Grants;
import se.municipality.eops.permission.grant.domain.Transition;

/**
 * The requester withdrew a permission request: the grant it asked for stops waiting for the training and becomes
 * {@code WITHDRAWN} ({@link Grant#withdraw}), so recording the training later does not activate it. Whatever the
 * request already did stays done. Nothing is published: request-service's {@code RequestWithdrawn} is the public
 * fact, and the grant's history records the change.
 *
 * <p>Relies on the order of the request topic: {@code RequestWithdrawn} is keyed by the request id like the request's
 * {@code RequestSubmitted}, so both are on one partition and the consumer handles the request (carries it out,
 * refuses it, or dead-letters it) before its withdrawal. A request with no grant here when its withdrawal arrives is
 * therefore one that made none (a refusal, a revocation, a group's new members, a dead-lettered request) and
 * nothing is undone or remembered; a dead-lettered {@code RequestSubmitted} replayed by hand after its withdrawal
 * would be carried out.
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
        String requestId = withdrawn.requestId();
        Optional<Grant> asked = grants.findById(ExecutePermissionRequest.grantIdFor(requestId));
        if (asked.isEmpty()) {
            log.info(
                    "Request {} was withdrawn; it made no grant here (refused, a revocation, a group's members or"
                            + " not known), so nothing changes",
                    requestId);
            return false;
        }
        Grant grant = asked.get();
        Optional<Transition> withdrawal = grant.withdraw(
                requestId, PersonIds.normalize(withdrawn.withdrawnBy()), withdrawn.reason(), clock.instant());
        if (withdrawal.isEmpty()) {
            log.info(
                    "Request {} was withdrawn, but its grant {} is {} and stays so",
                    requestId,
                    grant.id(),
                    grant.status());
            return false;
        }
        // Guarded by the waiting status: if the training activated the grant first, the grant stays active.
        if (!grants.apply(withdrawal.get())) {
            log.info(
                    "Request {} was withdrawn, but its grant {} stopped waiting for the training meanwhile and stays so",
                    requestId,
                    grant.id());
            return false;
        }
        log.info(
                "Request {} was withdrawn: grant {} of {} no longer waits for the training",
                requestId,
                grant.id(),
                grant.holder().describe());
        return true;
    }
}
