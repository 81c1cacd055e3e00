package se.municipality.eops.request.drafts.application;

import java.time.Duration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.municipality.eops.starter.scheduling.LockedJobs;

/**
 * Removes expired drafts every {@code eops.drafts.expiry-interval}, one replica at a time. A TTL
 * index would do the same on real MongoDB, but the local MongoDB-protocol server does not honour TTL
 * indexes; until the job has run an expired draft already answers 410.
 */
@Component
public class DraftExpiry extends LockedJobs {

    public static final String LOCK_NAME = "draft-expiry";
    private static final Logger log = LoggerFactory.getLogger(DraftExpiry.class);

    DraftExpiry(DraftService drafts, DraftProperties properties, LockingTaskExecutor lock) {
        super("draft-expiry", lock);
        every(properties.expiryInterval(), LOCK_NAME, Duration.ofMinutes(5), () -> {
            long removed = drafts.removeExpired();
            if (removed > 0) {
                log.info("Removed {} expired drafts", removed);
            }
        });
    }

    /** One run now, through the lock, as the schedule runs it. */
    public void run() {
        runNow(LOCK_NAME);
    }
}
