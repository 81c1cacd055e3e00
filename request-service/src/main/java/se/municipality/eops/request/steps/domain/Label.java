package se.municipality.eops.request.steps.domain;

/** A text in Swedish and English. */
public record Label(String sv, String en) {}
