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
 * @param purgePlans the purges a RETENTION request is answered by, as far as their events told ({@link
 *     PurgePlans#NONE} for any other request)
 */
public record Lifecycle(
        int rank,
        Instant statusSince,
        String assignee,
        boolean overdue,
        Rejection rejection,
        String outcome,
        PurgePlans purgePlans) {

    public Lifecycle {
        purgePlans = purgePlans == null ? PurgePlans.NONE : purgePlans;
    }

    /** Where a request is that no purge event with the list of its purges reached. */
    public Lifecycle(
            int rank, Instant statusSince, String assignee, boolean overdue, Rejection rejection, String outcome) {
        this(rank, statusSince, assignee, overdue, rejection, outcome, PurgePlans.NONE);
    }

    /** A request just filed at {@code at}. */
    public static Lifecycle filed(Instant at) {
        return new Lifecycle(Milestone.FILED, at, null, false, null, null);
    }
}
