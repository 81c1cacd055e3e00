package se.municipality.eops.publication.catalogue.domain;

/** Why a version in review or approved was withdrawn: its request ended before the version was published. */
public enum WithdrawalCause {
    /** The requester withdrew the request ({@code RequestWithdrawn}). */
    REQUEST_WITHDRAWN,
    /** A member of the central team rejected the request ({@code RequestRejected} with {@code REJECTED_BY_TEAM}). */
    REJECTED_BY_TEAM
}
