package se.municipality.eops.purge.purging.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import se.municipality.eops.contract.purge.CasesPurged;

/**
 * How purges run ({@code eops.purge.*}).
 *
 * @param batchSize cases announced in one CasesPurged, at most 1,000
 * @param batchesPerWrite batches recorded in one write of the purge and deleted in one bulk write
 * @param approvalWindow how long a plan waits for its second archivist before it expires
 * @param acknowledgementWindow how long registered subscribers have to acknowledge a batch
 * @param maintenanceInterval how often expiry, overdue acknowledgements and unfinished purges are looked at
 * @param planningInterval how often plans are made for every active rule (the schedule)
 */
@ConfigurationProperties("eops.purge")
public record PurgeSettings(
        @DefaultValue("1000") int batchSize,
        @DefaultValue("10") int batchesPerWrite,
        @DefaultValue("14d") Duration approvalWindow,
        @DefaultValue("1d") Duration acknowledgementWindow,
        @DefaultValue("1m") Duration maintenanceInterval,
        @DefaultValue("1d") Duration planningInterval) {

    public PurgeSettings {
        if (batchSize < 1 || batchSize > CasesPurged.MAX_CASE_IDS) {
            throw new IllegalArgumentException("eops.purge.batch-size must be 1.." + CasesPurged.MAX_CASE_IDS);
        }
        if (batchesPerWrite < 1 || batchesPerWrite > 100) {
            throw new IllegalArgumentException("eops.purge.batches-per-write must be 1..100");
        }
    }
}
