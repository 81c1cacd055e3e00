package se.municipality.eops.contract.publication;

/**
 * A checklist item as the checklist in force names it.
 *
 * @param itemId the item's stable id in the checklist
 * @param text the item's text as the requester saw it
 */
public record ChecklistItemRef(String itemId, String text) {}
