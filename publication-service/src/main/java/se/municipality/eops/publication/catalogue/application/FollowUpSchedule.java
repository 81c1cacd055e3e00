package se.municipality.eops.publication.catalogue.application;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.stereotype.Component;
import se.municipality.eops.starter.scheduling.LockedJobs;

/**
 * Runs the reminder and stall scans every {@code eops.publication.scan-interval}, one replica at a time
 * (a ShedLock lock in the service's database, as the starter's outbox sweep does), so a reminder or a
 * stall flag is raised once however many replicas run. The aggregate's own flags make a repeated scan
 * harmless anyway.
 */
@Component
class FollowUpSchedule extends LockedJobs {

    static final String LOCK_NAME = "publication-follow-up";

    private final PublicationFollowUp followUp;

    FollowUpSchedule(PublicationFollowUp followUp, LockingTaskExecutor lock, PublicationProperties properties) {
        super("publication-follow-up", lock);
        this.followUp = followUp;
        Duration interval = properties.scanInterval();
        every(interval, LOCK_NAME, interval.multipliedBy(5), this::scanOnce);
    }

    void scanOnce() {
        Instant now = followUp.now();
        followUp.remindOfWaitingReviews(now);
        followUp.flagStalledPublications(now);
    }
}
