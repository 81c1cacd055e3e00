package se.municipality.eops.purge.purging.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.municipality.eops.purge.holds.application.HoldKeeping;
import se.municipality.eops.purge.purging.domain.PurgeCases;
import se.municipality.eops.purge.purging.domain.PurgeLog;
import se.municipality.eops.purge.purging.domain.Purges;
import se.municipality.eops.purge.purging.domain.Subscribers;

/** Wires execution, its runner and the scheduled jobs; the jobs take turns across replicas by a ShedLock lock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PurgeSettings.class)
class PurgeConfiguration {

    @Bean
    PurgeExecution purgeExecution(
            Purges purges,
            PurgeCases cases,
            PurgeLog purgeLog,
            Subscribers subscribers,
            HoldKeeping holds,
            Clock clock,
            PurgeSettings settings,
            MeterRegistry meters) {
        return new PurgeExecution(purges, cases, purgeLog, subscribers, holds, clock, settings, meters);
    }

    @Bean(destroyMethod = "close")
    PlanningLock planningLock(ExtensibleLockProvider locks) {
        return new PlanningLock(locks);
    }

    @Bean
    PurgeRunner purgeRunner(PurgeExecution execution, Purges purges) {
        return new PurgeRunner(execution, purges);
    }

    @Bean
    PurgeSchedule purgeSchedule(
            PurgeMaintenance maintenance,
            RetentionPlanning planning,
            PurgeSettings settings,
            LockingTaskExecutor lock) {
        return new PurgeSchedule(maintenance, planning, settings, lock);
    }
}
