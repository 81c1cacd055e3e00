package se.municipality.eops.permission;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.municipality.eops.permission.grant.application.GrantActivation;
import se.municipality.eops.permission.grant.application.GrantExpiry;
import se.municipality.eops.permission.grant.application.PermissionMetrics;
import se.municipality.eops.permission.review.application.AccessReviewCycle;

/**
 * The service's scheduled work — late activations after a training, expiry and its warnings, the access-review cycle, the grant counts
 * of the metrics — on one replica at a time, through a ShedLock lock in the service's database. Each
 * step is safe to run twice (every change is guarded by the state it leaves), so the lock saves work
 * rather than guarding correctness.
 */
@Component
class PermissionJobs {

    private static final Logger log = LoggerFactory.getLogger(PermissionJobs.class);
    private static final String LOCK_NAME = "permission-jobs";

    private final GrantActivation activation;
    private final GrantExpiry expiry;
    private final AccessReviewCycle reviews;
    private final PermissionMetrics metrics;
    private final LockingTaskExecutor lock;

    PermissionJobs(
            GrantActivation activation,
            GrantExpiry expiry,
            AccessReviewCycle reviews,
            PermissionMetrics metrics,
            MongoTemplate mongo) {
        this.activation = activation;
        this.expiry = expiry;
        this.reviews = reviews;
        this.metrics = metrics;
        this.lock = new DefaultLockingTaskExecutor(new MongoLockProvider(mongo.getDb()));
    }

    @Scheduled(
            initialDelayString = "${eops.permission.job-interval:1m}",
            fixedDelayString = "${eops.permission.job-interval:1m}")
    void run() {
        lock.executeWithLock(
                (Runnable) this::runOnce,
                new LockConfiguration(Instant.now(), LOCK_NAME, Duration.ofMinutes(10), Duration.ZERO));
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
