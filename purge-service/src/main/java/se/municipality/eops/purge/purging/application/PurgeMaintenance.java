package se.municipality.eops.purge.purging.application;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.municipality.eops.purge.purging.domain.Purge;
import se.municipality.eops.purge.purging.domain.PurgeCases;
import se.municipality.eops.purge.purging.domain.Purges;

/** What the maintenance job does: expire plans nobody approved in time, settle acknowledgements, resume purges. */
@Service
public class PurgeMaintenance {

    private static final Logger log = LoggerFactory.getLogger(PurgeMaintenance.class);

    private final Purges purges;
    private final PurgeCases cases;
    private final Acknowledgements acknowledgements;
    private final PurgeRunner runner;
    private final Clock clock;

    public PurgeMaintenance(
            Purges purges, PurgeCases cases, Acknowledgements acknowledgements, PurgeRunner runner, Clock clock) {
        this.purges = purges;
        this.cases = cases;
        this.acknowledgements = acknowledgements;
        this.runner = runner;
        this.clock = clock;
    }

    public void run() {
        expirePlans();
        acknowledgements.reportOverdue();
        runner.resumeAll();
    }

    /** Expires every plan whose approval window has passed; its cases are free for later plans. */
    public void expirePlans() {
        Instant now = clock.instant();
        for (Purge plan : purges.awaitingApprovalExpiredAt(now)) {
            // Once expired the plan claims nothing: its batches are only forgotten after.
            plan.expire(now);
            if (purges.save(plan)) {
                cases.dropBatches(plan.id());
                log.info("Purge plan {} of {} expired unapproved", plan.id(), plan.eServiceId());
            }
        }
    }
}
