package se.municipality.eops.contract.request;

import java.util.List;

/**
 * Publish an entirely new e-service (checked against the checklist, then reviewed by the reference
 * group) or a new version of a published one.
 *
 * @param eServiceId the platform's id of the e-service
 * @param committee the committee responsible for the e-service's records
 * @param orderer the unit that ordered the e-service
 * @param checklist the checklist items the requester went through; for a new e-service only
 * @param message free text to the central team
 */
public record PublicationRequest(
        PublicationKind kind,
        String eServiceId,
        String eServiceName,
        String versionLabel,
        String committee,
        String orderer,
        List<ChecklistItem> checklist,
        String message) {

    public enum PublicationKind {
        NEW_ESERVICE,
        NEW_VERSION
    }

    /**
     * One checklist item and whether the requester confirms it is done.
     *
     * @param itemId the item's id in the checklist the requester answered (optional: requests filed
     *     without it are matched to the checklist by the item's exact text)
     */
    public record ChecklistItem(String item, boolean done, String itemId) {

        /** An answer without an item id, as requests were filed before checklist items had ids. */
        public ChecklistItem(String item, boolean done) {
            this(item, done, null);
        }
    }
}
