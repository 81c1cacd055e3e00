package se.municipality.eops.purge.purging.domain;

/** Where a purge stands. */
public enum PurgeStatus {
    /** A retention plan waiting for a second archivist. */
    AWAITING_APPROVAL,
    /** Approved (or a test-case purge): its batches are being deleted. */
    EXECUTING,
    COMPLETED,
    /** Not approved in time; nothing deleted. */
    EXPIRED,
    /** Could not be made; nothing deleted. */
    FAILED,
    /** The request that asked for the plan was withdrawn while it awaited approval; nothing deleted. */
    WITHDRAWN
}
