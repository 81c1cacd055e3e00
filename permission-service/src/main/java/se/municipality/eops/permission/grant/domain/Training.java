package se.municipality.eops.permission.grant.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A completed administrator training, as the central team recorded it. */
public record Training(LocalDate completedOn, String course, String recordedBy, Instant recordedAt) {}
