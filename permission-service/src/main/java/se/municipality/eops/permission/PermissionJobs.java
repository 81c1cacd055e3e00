package se.municipality.eops.permission;

import java.time.Duration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.municipality.eops.permission.grant.application.GrantActivation;
import se.municipality.eops.permission.grant.application.GrantExpiry;
import se.municipality.eops.permission.grant.application.PermissionMetrics;
import se.municipality.eops.permission.review.application.AccessReviewCycle;
import se.municipality.eops.starter.scheduling.LockedJobs;

/**
 * The service's scheduled work — late activations after a training, expiry and its warnings, the access-review cycle, the grant counts
 * of the metrics — on one replica at a time, through a ShedLock lock in the service's database. Each
 * step is safe to run twice (every change is guarded by the state it leaves), so the lock saves work
 * rather than guarding correctness.
 */
@Component
class PermissionJobs extends LockedJobs {

    private static final Logger log = LoggerFactory.getLogger(PermissionJobs.class);
    private static final String LOCK_NAME = "permission-jobs";

    private final GrantActivation activation;
    private final GrantExpiry expiry;
    private final AccessReviewCycle reviews;
    private final PermissionMetrics metrics;

    PermissionJobs(
            GrantActivation activation,
            GrantExpiry expiry,
            AccessReviewCycle reviews,
            PermissionMetrics metrics,
            LockingTaskExecutor lock,
            @Value("${eops.permission.job-interval:1m}") Duration interval) {
        super("permission-jobs", lock);
        this.activation = activation;
        this.expiry = expiry;
        this.reviews = reviews;
        this.metrics = metrics;
        every(interval, LOCK_NAME, Duration.ofMinutes(10), this::runOnce);
    }

    /** One run now, through the lock, as the schedule runs it. */
    void run() {
        runNow(LOCK_NAME);
    }

    void runOnce() {
        int activated = activation.activateAllThatMay();
        GrantExpiry.Run expired = expiry.runOnce();
        AccessReviewCycle.Run reviewed = reviews.runOnce();
        metrics.refresh();
        if (activated + expired.warned() + expired.expired() + reviewed.started() + reviewed.overdue() > 0) {
            log.info(
                    "Scheduled run: {} grants activated late, {} warned, {} expired, {} access reviews started, {} overdue",
                    activated,
                    expired.warned(),
                    expired.expired(),
                    reviewed.started(),
                    reviewed.overdue());
        }
    }
}
