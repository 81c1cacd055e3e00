package se.municipality.eops.purge.purging.application;

import java.time.Duration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import se.municipality.eops.starter.scheduling.LockedJobs;

/**
 * The two scheduled jobs, each run by one replica at a time (a ShedLock lock in the service's database): planning
 * for every active rule ({@code eops.purge.planning-interval}) and maintenance ({@code
 * eops.purge.maintenance-interval}): expiring plans, reporting overdue acknowledgements, resuming purges.
 * Both first run one interval after the start.
 */
class PurgeSchedule extends LockedJobs {

    PurgeSchedule(
            PurgeMaintenance maintenance,
            RetentionPlanning planning,
            PurgeSettings settings,
            LockingTaskExecutor lock) {
        super("purge-schedule", lock);
        every(
                settings.maintenanceInterval(),
                "purge-maintenance",
                settings.maintenanceInterval().plus(Duration.ofMinutes(10)),
                maintenance::run);
        every(
                settings.planningInterval(),
                "purge-planning",
                settings.planningInterval().plus(Duration.ofMinutes(10)),
                planning::planAllRules);
    }
}
