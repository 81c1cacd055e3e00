package se.municipality.eops.permission.grant.domain;

import java.util.Set;

/**
 * Where a grant is in its life. Only ACTIVE and EXPIRING let the holder act; EXPIRED, REVOKED and WITHDRAWN are
 * ends nothing leaves.
 */
public enum GrantStatus {
    /** An administrator grant decided but waiting for the person's training. */
    AWAITING_TRAINING,
    ACTIVE,
    /** Active, and the holder was warned that it ends soon. */
    EXPIRING,
    EXPIRED,
    REVOKED,
    /**
     * Never carried out: the request that asked for it was withdrawn, or rejected by the central team, while the grant
     * waited for the training, so the training no longer activates it; the last history entry says which, who and
     * why. Only a waiting grant is withdrawn; see {@link Grant#withdraw} and {@link Grant#rejectByTeam}.
     */
    WITHDRAWN;

    /** Statuses of a grant that is not over: a second grant of the same thing would be a duplicate. */
    public static final Set<GrantStatus> OPEN = Set.of(AWAITING_TRAINING, ACTIVE, EXPIRING);

    /** Statuses in which the holder holds the role. */
    public static final Set<GrantStatus> IN_FORCE = Set.of(ACTIVE, EXPIRING);
}
