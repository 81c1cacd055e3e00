package se.municipality.eops.request.filing.domain;

import java.time.Instant;

/** One step of a request's history: when, which status, who did it and an optional note. */
public record TimelineEntry(Instant at, RequestStatus status, String actor, String note) {}
