package se.municipality.eops.purge.purging.domain;

import java.time.Instant;
import java.util.List;

/**
 * The cases a purge works on. A case is in at most one purge at a time (its {@code purgeId}); held cases are never
 * assigned nor deleted.
 */
public interface PurgeCases {

    /** The cases assigned to a purge, split into batches: how many, and the range of their clock starts. */
    record Selection(int batches, long count, Instant oldest, Instant newest) {

        public static Selection none() {
            return new Selection(0, 0, null, null);
        }
    }

    /** Assigns the e-service's test cases that are in no other purge and not held. */
    void assignTestCases(String purgeId, String eServiceId);

    /**
     * Assigns the e-service's cases whose clock ({@code SUBMITTED} or {@code CLOSED}) started at or before {@code
     * cutoff}, of {@code caseType} (null: any), in no other purge and not held.
     */
    void assignDue(String purgeId, String eServiceId, String clockStart, Instant cutoff, String caseType);

    /** Due cases held back by a legal hold on the case, grouped by the hold's reason. */
    List<HeldBack> heldBackDue(String eServiceId, String clockStart, Instant cutoff, String caseType);

    long countDue(String eServiceId, String clockStart, Instant cutoff, String caseType);

    long countTestCases(String eServiceId);

    /**
     * Splits the purge's assigned cases, in id order, into stored batches of at most {@code batchSize}.
     *
     * @param clockStart the clock whose range the selection reports ({@code SUBMITTED} or {@code CLOSED})
     */
    Selection writeBatches(String purgeId, int batchSize, String clockStart);

    /** Batch {@code number}'s cases without those on legal hold now. */
    List<String> batchCasesToDelete(String purgeId, int number);

    void delete(String purgeId, List<String> caseIds);

    /** Frees the purge's remaining cases (held ones, or all of an expired plan) for later purges. @return how many */
    long release(String purgeId);

    /** Forgets the purge's stored batches once it is done or expired. */
    void dropBatches(String purgeId);
}
