package se.municipality.eops.publication.catalogue.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The publication flow's settings ({@code eops.publication.*}).
 *
 * @param quorum approvals that approve a brand-new e-service
 * @param remindAfter how long a review waits before the reviewers are reminded (once)
 * @param stallAfter how long an approved e-service waits for its test-case purge before it is flagged
 * @param scanInterval how often the reminder and stall scans run
 */
@ConfigurationProperties("eops.publication")
public record PublicationProperties(int quorum, Duration remindAfter, Duration stallAfter, Duration scanInterval) {

    public PublicationProperties {
        if (quorum < 1) {
            quorum = 2;
        }
        remindAfter = remindAfter == null ? Duration.ofDays(3) : remindAfter;
        stallAfter = stallAfter == null ? Duration.ofHours(24) : stallAfter;
        scanInterval = scanInterval == null ? Duration.ofMinutes(1) : scanInterval;
    }
}
