package se.municipality.eops.permission.grant.domain;

import java.time.Instant;

/**
 * One step in a grant's life: who asked (on which request), who decided, when, and why.
 *
 * @param by who decided or did it (a personId, or {@code system})
 */
public record HistoryEntry(Instant at, GrantStatus status, String requestId, String by, String note) {}
