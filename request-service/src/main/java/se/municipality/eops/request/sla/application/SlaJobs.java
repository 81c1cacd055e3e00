package se.municipality.eops.request.sla.application;

import java.time.Duration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.stereotype.Component;
import se.municipality.eops.starter.scheduling.LockedJobs;

/** Runs the SLA check every {@code eops.requests.sla-check-interval}, on one replica at a time. */
@Component
public class SlaJobs extends LockedJobs {

    static final String LOCK_NAME = "request-sla";

    public SlaJobs(OverdueRequests overdue, SlaProperties properties, LockingTaskExecutor lock) {
        super("request-sla", lock);
        every(properties.slaCheckInterval(), LOCK_NAME, Duration.ofMinutes(10), overdue::markOverdue);
    }

    /** One run now, through the lock, as the schedule runs it (tests). */
    public void run() {
        runNow(LOCK_NAME);
    }
}
