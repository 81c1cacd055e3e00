package se.municipality.eops.request.live.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live updates ({@code eops.live}).
 *
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
 * @param timeout how long a stream stays open; the client then reconnects with Last-Event-ID
 * @param maxStreamsPerUser open streams one person may hold on one replica
 * @param maxStreamsPerReplica open streams one replica holds at most
 * @param resumeOverlap how far before a "my requests" cursor a resume starts (changes still on their way then)
 * @param maxQueuedFrames frames a stream may have waiting for a slow client before it is closed
 */
@ConfigurationProperties("eops.live")
public record LiveProperties(
        Duration heartbeat,
        Duration timeout,
        int maxStreamsPerUser,
        int maxStreamsPerReplica,
        Duration resumeOverlap,
        int maxQueuedFrames) {

    public LiveProperties {
        heartbeat = heartbeat != null ? heartbeat : Duration.ofSeconds(15);
        timeout = timeout != null ? timeout : Duration.ofMinutes(30);
        maxStreamsPerUser = maxStreamsPerUser > 0 ? maxStreamsPerUser : 10;
        maxStreamsPerReplica = maxStreamsPerReplica > 0 ? maxStreamsPerReplica : 2000;
        resumeOverlap = resumeOverlap != null ? resumeOverlap : Duration.ofSeconds(30);
        maxQueuedFrames = maxQueuedFrames > 0 ? maxQueuedFrames : 1000;
    }
}
