package se.municipality.eops.request.filing.domain;

import java.time.Instant;

/**
 * Where a request is in its life beyond its status, as stored.
 *
 * @param rank the rank of the furthest {@link Milestone} reached ({@link Milestone#FILED} at first)
 * @param statusSince when the request entered its current status
 * @param assignee the central-team member the request is assigned to, if any
 * @param overdue whether it has waited in its current status longer than allowed (set once per stay)
 * @param rejection why it was rejected, if it was
 * @param outcome what came of it, if it was completed
 */
public record Lifecycle(
        int rank, Instant statusSince, String assignee, boolean overdue, Rejection rejection, String outcome) {

    /** A request just filed at {@code at}. */
    public static Lifecycle filed(Instant at) {
        return new Lifecycle(Milestone.FILED, at, null, false, null, null);
    }
}
