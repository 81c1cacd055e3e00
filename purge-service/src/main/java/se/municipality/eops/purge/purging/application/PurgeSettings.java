package se.municipality.eops.purge.purging.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import se.municipality.eops.contract.purge.CasesPurged;

/**
 * How purges run ({@code eops.purge.*}).
 *
 * @param batchSize cases deleted (and announced in one CasesPurged) at a time, at most 1,000
 * @param approvalWindow how long a plan waits for its second archivist before it expires
 * @param acknowledgementWindow how long registered subscribers have to acknowledge a batch
 * @param maintenanceInterval how often expiry, overdue acknowledgements and unfinished purges are looked at
 * @param planningInterval how often plans are made for every active rule (the schedule)
 */
@ConfigurationProperties("eops.purge")
public record PurgeSettings(
        @DefaultValue("1000") int batchSize,
        @DefaultValue("14d") Duration approvalWindow,
        @DefaultValue("1d") Duration acknowledgementWindow,
        @DefaultValue("1m") Duration maintenanceInterval,
        @DefaultValue("1d") Duration planningInterval) {

    public PurgeSettings {
        if (batchSize < 1 || batchSize > CasesPurged.MAX_CASE_IDS) {
            throw new IllegalArgumentException("eops.purge.batch-size must be 1.." + CasesPurged.MAX_CASE_IDS);
        }
    }
}
