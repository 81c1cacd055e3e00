package se.municipality.eops.purge.cases.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A case as the index keeps it: only what retention needs.
 *
 * @param closedAt null while the case is open
 * @param caseType the platform's category, null when the e-service has one kind of case
 */
public record IndexedCase(
        String caseId, String eServiceId, Instant submittedAt, Instant closedAt, boolean test, String caseType) {

    public IndexedCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(eServiceId, "eServiceId");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }
}
