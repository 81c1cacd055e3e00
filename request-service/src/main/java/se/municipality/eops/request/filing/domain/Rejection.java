package se.municipality.eops.request.filing.domain;

import java.util.List;
import java.util.Objects;
import se.municipality.eops.contract.request.MissingItem;
import se.municipality.eops.contract.request.RequestRejected.ReasonCode;

/**
 * Why a request was rejected and by whom.
 *
 * @param rejectedBy a user id (reviewer, team member) or the refusing service's name
 * @param missingItems for a request blocked by its checklist, the items not confirmed; else empty
 */
public record Rejection(ReasonCode reasonCode, String reason, String rejectedBy, List<MissingItem> missingItems) {

    public Rejection {
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rejectedBy, "rejectedBy");
        missingItems = missingItems == null ? List.of() : List.copyOf(missingItems);
    }

    /** Blocked by the checklist: the requester files a new request once the items are done. */
    public boolean blockedByChecklist() {
        return reasonCode == ReasonCode.CHECKLIST_INCOMPLETE;
    }
}
