package se.municipality.eops.notification.rules.domain;

/** A notification a rule calls for: this template to this recipient. */
public record PlannedNotification(String template, Recipient recipient) {}
