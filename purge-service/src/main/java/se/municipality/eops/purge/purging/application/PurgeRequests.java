package se.municipality.eops.purge.purging.application;

import org.springframework.stereotype.Service;
import se.municipality.eops.contract.publication.ReviewApproved;
import se.municipality.eops.contract.request.PurgeRequest;
import se.municipality.eops.contract.request.RequestRejected;
import se.municipality.eops.contract.request.RequestSubmitted;
import se.municipality.eops.contract.request.RequestType;
import se.municipality.eops.contract.request.RequestWithdrawn;
import se.municipality.eops.purge.purging.domain.Purge;

/**
 * What other services ask of purge-service: a PURGE request (test cases, or a retention plan), its withdrawal or the
 * central team's rejection of it (either stops its plans still awaiting approval) and the approval of a brand-new
 * e-service's review (its test cases). Ids derive from the request or review, so redeliveries are no-ops.
 */
@Service
public class PurgeRequests {

    private final TestCasePurges testCases;
    private final RetentionPlanning planning;
    private final PlanWithdrawal withdrawal;

    public PurgeRequests(TestCasePurges testCases, RetentionPlanning planning, PlanWithdrawal withdrawal) {
        this.testCases = testCases;
        this.planning = planning;
        this.withdrawal = withdrawal;
    }

    public void on(RequestSubmitted submitted) {
        if (submitted.requestType() != RequestType.PURGE || submitted.purge() == null) {
            return;
        }
        PurgeRequest purge = submitted.purge();
        String requestedBy = submitted.requester().userId();
        if (purge.kind() == PurgeRequest.PurgeKind.TEST_CASES) {
            testCases.purge(
                    "purge-" + submitted.requestId(), purge.eServiceId(), submitted.requestId(), null, requestedBy);
        } else if (purge.kind() == PurgeRequest.PurgeKind.RETENTION) {
            planning.planForRequest(
                    submitted.requestId(), purge.eServiceId(), purge.purgeDecisionReference(), requestedBy);
        }
    }

    public void on(RequestWithdrawn withdrawn) {
        if (withdrawn.requestType() != RequestType.PURGE) {
            return;
        }
        withdrawal.withdrawRequest(withdrawn.requestId(), withdrawn.withdrawnBy());
    }

    /**
     * The central team rejected a PURGE request: its plans awaiting approval stop as for a withdrawal. Other
     * rejections change nothing (PURGE_REFUSED is this service's own PurgeFailed, told back).
     */
    public void on(RequestRejected rejected) {
        if (rejected.requestType() != RequestType.PURGE
                || rejected.reasonCode() != RequestRejected.ReasonCode.REJECTED_BY_TEAM) {
            return;
        }
        withdrawal.withdrawRequest(rejected.requestId(), rejected.rejectedBy(), Purge.WithdrawalCause.REJECTED_BY_TEAM);
    }

    public void on(ReviewApproved approved) {
        testCases.purge(
                "purge-" + approved.reviewId(),
                approved.eServiceId(),
                approved.requestId(),
                approved.reviewId(),
                "reference-group");
    }
}
