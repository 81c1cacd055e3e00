package se.municipality.eops.request.filing.domain;

/** One broken rule of a request: the JSON path of the field and what is wrong with it. */
public record FieldViolation(String field, String message) {}
