package se.municipality.eops.publication.checklist.domain;

/**
 * One item of the checklist.
 *
 * @param id stable across checklist versions while the item means the same, so answers match it by id
 * @param mandatory whether a brand-new e-service is blocked unless the requester confirms it
 */
public record ChecklistItem(String id, String text, boolean mandatory) {}
