package se.municipality.eops.contract.request;

/**
 * A checklist item the requester did not confirm, as publication-service named it when it blocked the request.
 *
 * @param itemId the item's id in the checklist, when it has one
 * @param text the item's text
 */
public record MissingItem(String itemId, String text) {}
