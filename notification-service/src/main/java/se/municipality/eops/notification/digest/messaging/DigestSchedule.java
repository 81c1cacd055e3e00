package se.municipality.eops.notification.digest.messaging;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.municipality.eops.notification.delivery.application.DeliverNotifications;
import se.municipality.eops.notification.delivery.application.NotificationProperties;
import se.municipality.eops.notification.delivery.domain.Notifications;
import se.municipality.eops.notification.digest.application.DailyDigest;
import se.municipality.eops.notification.rules.domain.MessageTemplates;
import se.municipality.eops.notification.rules.persistence.ReadModels;
import se.municipality.eops.starter.scheduling.LockedJobs;

/**
 * Looks every {@code eops.notifications.digest.check-interval} whether today's digest is due, on one
 * replica at a time (a ShedLock lock); the digest's key makes it go out once a day whatever runs.
 */
@Configuration(proxyBeanMethods = false)
class DigestSchedule {

    static final String JOB = "notification-daily-digest";

    @Bean
    DailyDigest dailyDigest(
            ReadModels readModels,
            MessageTemplates templates,
            Notifications notifications,
            DeliverNotifications deliver,
            @Value("${eops.notifications.digest.cron:0 0 7 * * MON-FRI}") String cron,
            Clock clock,
            NotificationProperties properties) {
        return new DailyDigest(readModels, readModels, templates, notifications, deliver, cron, clock, properties);
    }

    @Bean
    LockedJobs digestJobs(
            LockingTaskExecutor lock,
            DailyDigest digest,
            @Value("${eops.notifications.digest.check-interval:1m}") Duration checkInterval) {
        return new LockedJobs("notification-digest", lock)
                .every(checkInterval, JOB, Duration.ofMinutes(5), digest::runIfDue);
    }
}
