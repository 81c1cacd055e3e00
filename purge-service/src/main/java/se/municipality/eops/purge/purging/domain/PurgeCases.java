package se.municipality.eops.purge.purging.domain;

import java.time.Instant;
import java.util.List;

/**
 * The cases a purge works on. A case is in at most one purge at a time (its {@code purgeId}); held cases are never
 * assigned nor deleted.
 */
public interface PurgeCases {

    /** What a selection of due cases came to. */
    record Selection(long count, Instant oldest, Instant newest) {}

    /** Assigns the e-service's test cases that are in no other purge and not held. */
    Selection assignTestCases(String purgeId, String eServiceId);

    /**
     * Assigns the e-service's cases whose clock ({@code SUBMITTED} or {@code CLOSED}) started at or before {@code
     * cutoff}, of {@code caseType} (null: any), in no other purge and not held.
     */
    Selection assignDue(String purgeId, String eServiceId, String clockStart, Instant cutoff, String caseType);

    /** Due cases held back by a legal hold on the case, grouped by the hold's reason. */
    List<HeldBack> heldBackDue(String eServiceId, String clockStart, Instant cutoff, String caseType);

    long countDue(String eServiceId, String clockStart, Instant cutoff, String caseType);

    long countTestCases(String eServiceId);

    /** Splits the purge's assigned cases, in id order, into stored batches; @return the number of batches */
    int writeBatches(String purgeId, int batchSize);

    /** Batch {@code number}'s cases that are still assigned to the purge and not held now. */
    List<String> batchCasesToDelete(String purgeId, int number);

    void delete(String purgeId, List<String> caseIds);

    /** Frees the purge's remaining cases (held ones, or all of an expired plan) for later purges. @return how many */
    long release(String purgeId);
}
