package se.municipality.eops.purge.purging.application;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.purge.purging.domain.FourEyesViolation;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.PurgeNotApprovable;
import se.municipality.eops.purge.purging.domain.Purges;
import se.municipality.eops.purge.purging.domain.RuleApplied;
import se.municipality.eops.purge.purging.domain.RuleNotInForce;
import se.municipality.eops.purge.rules.domain.RetentionRule;
import se.municipality.eops.purge.rules.domain.RetentionRules;
import se.municipality.eops.starter.rules.FieldErrorCodes;
import se.municipality.eops.starter.web.ConflictException;
import se.municipality.eops.starter.web.ForbiddenException;
import se.municipality.eops.starter.web.NotFoundException;

/**
 * The second archivist's approval; the plan then executes. Only under the rule version it was made with, still
 * active: a plan whose rule was deactivated or changed since is refused (409 on {@code ruleId}, {@link
 * RuleNotInForce}), stays awaiting approval, claims its cases until it expires, and never executes.
 */
@Service
public class PlanApproval {

    private static final Logger log = LoggerFactory.getLogger(PlanApproval.class);

    private final Purges purges;
    private final PurgeRunner runner;
    private final RetentionRules rules;
    private final Clock clock;

    public PlanApproval(Purges purges, PurgeRunner runner, RetentionRules rules, Clock clock) {
        this.purges = purges;
        this.runner = runner;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * @throws ForbiddenException if the approver made the plan ({@link FourEyesViolation})
     * @throws ConflictException if it is not awaiting approval ({@link PurgeNotApprovable}), its rule is no longer
     *     in force as it was made ({@link RuleNotInForce}) or it changed meanwhile
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
        if (plan.rule() != null) {
            checkInForce(plan.rule());
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

    /** The plan's rule must still be active in the version the plan was made with. */
    private void checkInForce(RuleApplied applied) {
        RetentionRule current = rules.current(applied.ruleId())
                .orElseThrow(() -> new ConflictException(RuleNotInForce.inactive(applied.ruleId(), applied.version())));
        if (!current.active()) {
            throw new ConflictException(RuleNotInForce.inactive(applied.ruleId(), current.version()));
        }
        if (current.version() != applied.version()) {
            throw new ConflictException(RuleNotInForce.changed(applied.ruleId(), applied.version(), current.version()));
        }
    }
}
