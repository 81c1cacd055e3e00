package se.municipality.eops.purge.purging.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The cases a purge works on. A purge claims its cases when it is made, in numbered batches stored beside it; a
 * case is in at most one open purge at a time, because a new purge leaves out every case in the batches of the
 * purges still open (made, awaiting approval or executing). Batches of a purge that is not open (a plan whose
 * making a crash cut short, an expired, withdrawn or finished one) claim nothing. Held cases are never claimed nor
 * deleted.
 */
public interface PurgeCases {

    /**
     * The cases claimed by a purge, split into batches: how many, the range of their clock starts, and the due
     * cases left out because of a legal hold on them (by reason) or because an open purge has them.
     */
    record Selection(
            int batches, long count, Instant oldest, Instant newest, List<HeldBack> heldBack, long inOtherPurges) {

        public Selection {
            heldBack = List.copyOf(heldBack);
        }

        public static Selection none() {
            return new Selection(0, 0, null, null, List.of(), 0);
        }
    }

    /**
     * What a new purge leaves alone.
     *
     * @param heldCases the cases on legal hold now, each with the reason a preview shows
     * @param openPurges the ids of the purges whose stored batches claim their cases
     */
    record Exclusions(Map<String, String> heldCases, Collection<String> openPurges) {}

    /** A batch taken for execution: its cases (those the platform deleted before are no longer in it). */
    record TakenBatch(int number, List<String> caseIds, long deletedByPlatform) {}

    /** Claims the e-service's test cases, in id order, in batches of at most {@code batchSize}. */
    Selection claimTestCases(String purgeId, String eServiceId, Exclusions exclusions, int batchSize);

    /**
     * Claims the e-service's cases whose clock ({@code SUBMITTED} or {@code CLOSED}) started at or before {@code
     * cutoff}, of {@code caseType} (null: any), in id order, in batches of at most {@code batchSize}.
     */
    Selection claimDue(
            String purgeId,
            String eServiceId,
            String clockStart,
            Instant cutoff,
            String caseType,
            Exclusions exclusions,
            int batchSize);

    long countDue(String eServiceId, String clockStart, Instant cutoff, String caseType);

    long countTestCases(String eServiceId);

    /**
     * Takes batches {@code from}..{@code to} of the purge for execution: from then on a platform deletion of one of
     * their cases is no longer taken out of them (it is the purge's). Taking them again returns the same cases.
     */
    List<TakenBatch> take(String purgeId, int from, int to);

    /**
     * The platform deleted the case itself: if a batch not yet taken holds it, it leaves that batch, so no purge
     * counts or announces it. @return whether a batch held it
     */
    boolean withdrawDeletedByPlatform(String caseId);

    /**
     * Remembers, without personal data, that the purge deleted these cases (by batch number), so the index never
     * takes them back; writing the same batch again adds to what was remembered for it, never takes an id away.
     */
    void rememberPurged(String purgeId, Map<Integer, List<String>> caseIdsByBatch);

    /** Deletes the cases from the index by primary key (ids a purge took; deleting one twice is harmless). */
    void delete(List<String> caseIds);

    /** Forgets the purge's stored batches once it is done or expired. */
    void dropBatches(String purgeId);

    /** Forgets the e-service's stored batches that belong to none of {@code openPurges} (what crashes left). */
    long dropBatchesOfClosedPurges(String eServiceId, Collection<String> openPurges);
}
