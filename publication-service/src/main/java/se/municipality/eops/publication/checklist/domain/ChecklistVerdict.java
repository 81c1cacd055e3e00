package se.municipality.eops.publication.checklist.domain;

import java.util.List;
import se.municipality.eops.contract.publication.ChecklistItemRef;

/**
 * What the checklist in force said about a request's answers.
 *
 * @param checklistVersion the version that judged them (null when no checklist was ever published)
 * @param missing the mandatory items not confirmed, in checklist order
 */
public record ChecklistVerdict(Integer checklistVersion, List<ChecklistItemRef> missing) {

    public ChecklistVerdict {
        missing = List.copyOf(missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
