package se.municipality.eops.purge.purging.domain;

/** Due cases kept out of a purge, and why (a legal hold's reason). */
public record HeldBack(String reason, long count) {}
