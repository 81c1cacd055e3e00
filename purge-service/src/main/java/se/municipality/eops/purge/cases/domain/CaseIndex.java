package se.municipality.eops.purge.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The cases index, fed by the platform's events. Every method is idempotent: a redelivered event changes nothing. */
public interface CaseIndex {

    /**
     * Records a submitted case; a case already indexed keeps what it has, and a case a purge or the platform deleted
     * is never taken back (its CaseSubmitted redelivered long after). @return whether it was new
     */
    boolean submitted(IndexedCase indexedCase);

    void closed(String caseId, String eServiceId, Instant closedAt);

    /** The platform deleted the case: it leaves the index, and its id is remembered so it never comes back. */
    void deleted(String caseId);

    /**
     * Adds a backlog of cases with as few round trips as the store allows; cases already indexed are left as they
     * are, cases in {@code gone} are left out, and so is a case the platform deletes while the import runs.
     * @return how many were new
     */
    long importAll(List<IndexedCase> cases, Set<String> gone);

    /**
     * The ids of every case a purge or the platform deleted (kept without personal data, so the index never takes one
     * back).
     */
    Set<String> goneCaseIds();
}
