package se.municipality.eops.purge.purging.application;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.purge.purging.domain.FourEyesViolation;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.PurgeNotApprovable;
import se.municipality.eops.purge.purging.domain.Purges;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.web.ConflictException;
import se.municipality.eops.starter.web.ForbiddenException;
import se.municipality.eops.starter.web.NotFoundException;

/** The second archivist's approval; the plan then executes. */
@Service
public class PlanApproval {

    private static final Logger log = LoggerFactory.getLogger(PlanApproval.class);

    private final Purges purges;
    private final PurgeRunner runner;
    private final Clock clock;

    public PlanApproval(Purges purges, PurgeRunner runner, Clock clock) {
        this.purges = purges;
        this.runner = runner;
        this.clock = clock;
    }

    /**
     * @throws ForbiddenException if the approver made the plan ({@link FourEyesViolation})
     * @throws ConflictException if it is not awaiting approval ({@link PurgeNotApprovable}) or changed meanwhile
     */
    public Purge approve(String planId, String approver) {
        Purge plan = purges.find(planId).orElseThrow(() -> new NotFoundException("no purge plan " + planId));
        try {
            plan.approve(approver, clock.instant());
        } catch (FourEyesViolation ownPlan) {
            throw new ForbiddenException(ownPlan);
        } catch (PurgeNotApprovable notWaiting) {
            throw new ConflictException(notWaiting);
        }
        // Written with the version read above: a withdrawal (PlanWithdrawal) or expiry stored meanwhile wins, this
        // write matches nothing and the plan never starts.
        if (!purges.save(plan)) {
            throw new ConflictException(
                    "planId", "was changed meanwhile; look at it again", FieldErrorCodes.CHANGED_MEANWHILE);
        }
        log.info("Purge plan {} approved by {} (made by {})", planId, approver, plan.createdBy());
        runner.submit(planId);
        return plan;
    }
}
