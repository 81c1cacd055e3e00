package se.municipality.eops.notification.rules.domain;

/** Someone a notification can go to: an e-mail address and, when known, the user id for preferences. */
public record Person(String userId, String email) {}
