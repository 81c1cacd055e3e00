package se.municipality.eops.publication.catalogue.domain;

/** Where a version of an e-service stands. */
public enum VersionStatus {
    /** Checklist incomplete (or the request did not fit the catalogue); it went nowhere. */
    BLOCKED,
    /** Waiting for the reference group. */
    IN_REVIEW,
    /** Approved by the reference group; waiting for its test cases to be purged. */
    APPROVED,
    /** Rejected by a reviewer. */
    REJECTED,
    /** Live. At most one version of an e-service is. */
    PUBLISHED,
    /** Was live until a newer version was published. */
    SUPERSEDED,
    /**
     * Its request was withdrawn, or rejected by the central team, while it was in review or approved: its review
     * closed and it will not be published. {@code withdrawnBecause} and {@code withdrawnBy} say which and who.
     */
    WITHDRAWN
}
