package se.municipality.eops.publication.checklist.domain;

/**
 * A requester's answer to one checklist item, as filed.
 *
 * @param itemId the item's id when the request carried one (else null: matched by text)
 * @param text the item's text as the requester saw it
 * @param done whether the requester confirms the item
 */
public record ChecklistAnswer(String itemId, String text, boolean done) {}
