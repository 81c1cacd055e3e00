package se.municipality.eops.notification.rules.domain;

/**
 * A notification a rule calls for: this template to this recipient.
 *
 * @param foundBy the rule's recipient (the alternative that found them) the recipient was found by: what they may
 *     open in the web portal depends on it ({@link PortalLinks})
 */
public record PlannedNotification(String template, Recipient recipient, RecipientSpec foundBy) {}
