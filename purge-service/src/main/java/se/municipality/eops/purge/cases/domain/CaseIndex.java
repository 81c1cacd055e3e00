package se.municipality.eops.purge.cases.domain;

import java.time.Instant;
import java.util.List;

/** The cases index, fed by the platform's events. Every method is idempotent: a redelivered event changes nothing. */
public interface CaseIndex {

    /** Records a submitted case; a case already indexed keeps what it has. @return whether it was new */
    boolean submitted(IndexedCase indexedCase);

    void closed(String caseId, String eServiceId, Instant closedAt);

    void deleted(String caseId);

    /**
     * Adds a backlog of cases with as few round trips as the store allows; cases already indexed are left as they
     * are. @return how many were new
     */
    long importAll(List<IndexedCase> cases);
}
