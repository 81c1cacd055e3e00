package se.municipality.eops.notification.delivery.domain;

import java.time.Instant;

/** Which notifications to list; null fields match all. {@code from} inclusive, {@code to} exclusive, on creation time. */
public record NotificationFilter(
        String requestId, String recipient, String template, NotificationStatus status, Instant from, Instant to) {}
