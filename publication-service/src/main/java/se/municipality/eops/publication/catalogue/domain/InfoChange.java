package se.municipality.eops.publication.catalogue.domain;

import java.time.Instant;
import java.util.List;
import se.municipality.eops.contract.publication.BasicInfo;

/** One entry of an e-service's change log: who changed its basic information, when, from what to what. */
public record InfoChange(
        String changeId,
        String editedBy,
        Instant editedAt,
        BasicInfo before,
        BasicInfo after,
        List<String> changedFields) {

    public InfoChange {
        changedFields = List.copyOf(changedFields);
    }
}
